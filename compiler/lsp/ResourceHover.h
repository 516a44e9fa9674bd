#pragma once
// Hover on raw resources, from the resource specification: the type string
// (what the type returns, its required properties, its documentation page),
// a property or a key inside one (its shape, whether it is required), and
// `res.<attribute>`. Empty when the type is not in the specification.
#include <string>
#include <string_view>
#include <vector>

#include "sema/Program.h"

namespace jaws::lsp {

std::string resourceTypeHover(const sema::Program& program, const ast::ResourceDecl& resource);
std::string resourcePropertyHover(const sema::Program& program, const ast::ResourceDecl& resource,
                                  const std::vector<std::string>& keyPath);
std::string resourceAttributeHover(const sema::Program& program, const ast::ResourceDecl& resource,
                                   std::string_view attribute);

}  // namespace jaws::lsp
