#pragma once
// A compact binary form of one syntax tree, carrying every field of Ast.h
// (spans, names, docs, flags), so a tree read back is the tree that was
// written. The standard library is parsed once at build time and shipped in
// this form (stdlib/StdlibBundle.h): loading it costs microseconds where
// parsing costs milliseconds. Spans are written relative to the unit's own
// file and take the FileId given to the reader, since a file's id depends on
// the compilation it joins.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "syntax/Ast.h"

namespace jaws::ast {

// Changes whenever the encoding changes; a reader refuses any other version.
inline constexpr std::uint32_t kAstBinaryVersion = 1;

// Appends the encoding of `unit` to `out`. False (and `out` unusable) when a
// span points into a file other than the unit's own.
bool writeBinary(const SourceUnit& unit, std::string& out);

// The tree encoded in `bytes`, its spans in `file` and moved by `shift` bytes
// (a declaration the language server takes from the parse before an edit that
// moved it); null when the bytes are not exactly one well-formed encoding of
// this version.
std::unique_ptr<SourceUnit> readBinary(std::string_view bytes, FileId file, std::int64_t shift = 0);

}  // namespace jaws::ast
