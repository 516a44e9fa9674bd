#pragma once
// Shared by AstBinaryWriter.cpp and AstBinaryReader.cpp: the kind byte of an
// absent child (a field without a default value, a text part of a string, a
// route whose method is unknown). Every real kind enum stays below it.
#include <cstdint>

namespace jaws::ast {

inline constexpr std::uint8_t kAbsent = 0xff;

}  // namespace jaws::ast
