#pragma once
// Decorator checks (internal to DeclarationChecker): each decorator is known
// (JW2110), stands where it applies (JW2111), has well-formed arguments
// (JW3021, including valid regular expressions in @pattern) and fits the type
// it constrains (JW3022).
#include <vector>

#include "diag/Diagnostic.h"
#include "sema/Types.h"
#include "syntax/Ast.h"

namespace jaws::sema {

enum class DecoratorPlace : std::uint8_t {
  Field,        // a record field
  Param,        // a `param` declaration
  RouteItem,    // path/query/header parameters, body, returns
  Route,        // a route
  Output,       // an `output` declaration
  Declaration,  // any other declaration
  Resource,     // a `resource` declaration (@retain, @deletionPolicy, ... and @when)
  Function,     // a `function` declaration (@when)
  Api,          // an `api` declaration (@when)
};

// `type` is what the decorators constrain (null where nothing is typed).
void checkDecorators(const std::vector<ast::Decorator>& decorators, DecoratorPlace place, const Type* type, Diagnostics& out);

}  // namespace jaws::sema
