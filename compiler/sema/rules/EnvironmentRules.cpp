// A function's environment as Lambda will see it: names Lambda accepts and
// does not reserve, and at most 4 KB in all. The environment is the project's
// `env` merged with the function's, and a @secure SSM value becomes
// `<NAME>_SSM_PARAMETER` holding the parameter's name, as the CloudFormation
// emitter writes it.

#include <algorithm>
#include <cctype>
#include <map>

#include "diag/Builders.h"
#include "emit/JsonSize.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/TemplateResources.h"
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

namespace {

using K = model::Value::Kind;

// The bytes of the text Lambda stores for a value, as a JSON string;
// deploy-time parts are unknown here and count as empty, so the size is a
// lower bound. JSON escapes character by character, so a string made of parts
// measures as its parts do, less their quotes.
std::size_t knownTextBytes(const model::Value& value) {
  switch (value.kind) {
    case K::String: return emit::jsonStringBytes(value.string);
    case K::Concat: {
      std::size_t bytes = 2;
      for (const auto& part : value.items) bytes += knownTextBytes(part) - 2;
      return bytes;
    }
    default: return 2;
  }
}

// Lambda API Reference, Environment: keys match `[a-zA-Z]([a-zA-Z0-9_])+`.
bool isEnvironmentName(std::string_view name) {
  if (name.size() < 2 || !std::isalpha(static_cast<unsigned char>(name.front()))) return false;
  return std::all_of(name.begin(), name.end(), [](unsigned char ch) { return std::isalnum(ch) || ch == '_'; });
}

}  // namespace

void checkEnvironmentRules(const StackRuleContext& c) {
  const auto& reserved = c.aws.reservedEnvironment();
  const auto limit = c.aws.limit("environmentBytes");
  forEachFunction(c, [&](const model::Function& f) {
    // Where a variable is written is looked up only for a report: most
    // functions have none, and the lookup walks the blocks it inherits from.
    auto declOf = [&] { return blockDecl(c.program, f.name, SymbolKind::Function); };
    // The variables as Lambda counts them (their JSON, compact): each value's
    // bytes by name, a later one replacing an earlier of the same name.
    std::map<std::string, std::size_t> variables;
    std::map<std::string, std::string> generated;  // NAME_SSM_PARAMETER -> NAME
    for (const auto& [name, value] : f.environment) {
      if (emit::isSecureSsm(value)) generated.emplace(name + emit::kSsmParameterSuffix, name);
    }
    for (const auto& variable : f.environment) {
      // Named, not bound: a lambda below refers to them.
      const std::string& name = variable.first;
      const model::Value& value = variable.second;
      if (auto taken = generated.find(name); taken != generated.end()) {
        c.out.push_back(diag::EnvironmentNameTaken(spanOr(inheritedKeySpan(c, declOf(), "env", name), f.span), name, taken->second));
      }
      auto at = [&] { return spanOr(inheritedKeySpan(c, declOf(), "env", name), spanOr(value.origin, f.span)); };
      if (std::find(reserved.begin(), reserved.end(), name) != reserved.end()) {
        c.out.push_back(diag::ReservedEnvironmentName(at(), name));
      } else if (!isEnvironmentName(name)) {
        c.out.push_back(diag::InvalidEnvironmentName(at(), name));
      }
      if (emit::isSecureSsm(value)) {
        variables[name + emit::kSsmParameterSuffix] = emit::jsonStringBytes(value.ref.name);
      } else {
        variables[name] = knownTextBytes(value);
      }
    }
    if (!limit || f.environment.empty()) return;
    std::size_t bytes = 2 + (variables.size() - 1);  // `{}` and the commas
    for (const auto& [name, valueBytes] : variables) bytes += emit::jsonStringBytes(name) + 1 + valueBytes;
    if (static_cast<std::int64_t>(bytes) > *limit) {
      const ast::Attribute* env = inheritedAttribute(c.program, declOf(), "env");
      c.out.push_back(diag::EnvironmentTooLarge(env ? env->key.span : f.span, f.name, std::to_string(bytes), std::to_string(*limit)));
    }
  });
}

}  // namespace jaws::sema
