#pragma once
// Where the syntax item that begins at a given offset ends: the outermost node
// of the tree that starts there (a declaration, attribute, object entry, list
// element, call argument, field, route, route item, decorator). What a
// `// jaws-disable-next-line` comment covers is that item, whatever its
// layout: the formatter moves line breaks, never tokens, so the item stays
// the same when the file is formatted.
#include <cstdint>
#include <optional>

#include "syntax/Ast.h"

namespace jaws::syntax {

// The end offset of the outermost node of `unit` that begins at `offset`;
// nullopt when none begins there (a closing bracket, an `=`).
std::optional<std::uint32_t> itemEndAt(const ast::SourceUnit& unit, std::uint32_t offset);

}  // namespace jaws::syntax
