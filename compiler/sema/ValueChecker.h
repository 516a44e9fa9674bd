#pragma once
// Checks an evaluated value against a type and the constraints of its
// declaration (`@min`, `@maxLength`, `@pattern`, ...). Used for block
// attributes against stdlib schemas, for params against their declared type,
// and for record fields.
#include <map>
#include <regex>
#include <string>
#include <unordered_map>

#include "diag/Diagnostic.h"
#include "model/Value.h"
#include "sema/Types.h"

namespace jaws::sema {

class ValueChecker {
 public:
  explicit ValueChecker(Diagnostics& out) : out_(out) {}

  // `where` names the place in messages ("attribute `memory`"); deployTime
  // says whether deploy-time values are accepted. Returns whether it passed.
  bool check(const model::Value& value, const Type& type, const std::vector<ast::Decorator>* constraints,
             std::string_view where, bool deployTime, Span fallback);

  // Whether the value fits the type, without reporting anything.
  bool fits(const model::Value& value, const Type& type);

 private:
  // `enabled` false: only whether the value fits (a union's trial members);
  // no diagnostic, not even its message, is built.
  bool checkShape(const model::Value& value, const Type& type, std::string_view where, bool deployTime, Span at,
                  bool enabled);
  bool checkConstraints(const model::Value& value, const std::vector<ast::Decorator>& constraints, Span at);
  void report(Diagnostic d);
  // The regex of a `@pattern` decorator (null when std::regex refuses it),
  // looked up in the process-wide cache once per checker, not once per value.
  const std::regex* patternOf(const ast::Decorator& decorator);

  Diagnostics& out_;
  std::unordered_map<const ast::Decorator*, const std::regex*> patterns_;
};

// The numeric argument of a constraint decorator in the value's unit (bytes for
// sizes, milliseconds for durations), if the decorator has one.
std::optional<std::int64_t> constraintArgument(const ast::Decorator& decorator);

}  // namespace jaws::sema
