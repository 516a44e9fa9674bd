#include "local/LocalEnvironment.h"

#include <optional>

#include "diag/Builders.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/TemplateResources.h"

namespace jaws::local {

namespace {

using model::DeployRef;
using model::Value;

class Resolver {
 public:
  Resolver(const model::Stack& stack, const LocalValues& values, const KnownValues& known)
      : stack_(stack), values_(values), known_(known) {}

  // The text of `value`, or none; `missingKey` names the first value not known.
  std::optional<std::string> text(const Value& value, std::string& missingKey) const {
    switch (value.kind) {
      case Value::Kind::Deploy: return reference(value.ref, missingKey);
      case Value::Kind::Concat: {
        std::string out;
        for (const Value& part : value.items) {
          auto piece = part.kind == Value::Kind::Deploy ? reference(part.ref, missingKey) : std::optional(part.string);
          if (!piece) return std::nullopt;
          out += *piece;
        }
        return out;
      }
      case Value::Kind::List:
      case Value::Kind::Object: {
        if (value.isDeployTime()) {
          // Not allowed by the checker in `env` today; say which value is missing.
          for (const Value& item : value.items) {
            if (item.isDeployTime() && !text(item, missingKey)) return std::nullopt;
          }
          for (const auto& [key, field] : value.fields) {
            if (field.isDeployTime() && !text(field, missingKey)) return std::nullopt;
          }
        }
        [[fallthrough]];
      }
      default: {
        const auto json = emit::cfnString(value, stack_);
        return json.is_string() ? json.get<std::string>() : json.dump();
      }
    }
  }

 private:
  std::optional<std::string> reference(const DeployRef& ref, std::string& missingKey) const {
    const std::string key = referenceKey(ref);
    if (auto given = values_.values.find(key); given != values_.values.end()) return given->second;
    switch (ref.kind) {
      case DeployRef::Kind::FunctionName:
        for (const auto& f : stack_.functions) {
          if (f.name == ref.target) return f.functionName;
        }
        break;
      case DeployRef::Kind::FunctionArn:
        for (const auto& f : stack_.functions) {
          if (f.name == ref.target) return "arn:aws:lambda:" + stack_.stage.region + ":" + known_.account + ":function:" + f.functionName;
        }
        break;
      case DeployRef::Kind::ApiUrl:
        if (auto url = known_.apiUrls.find(ref.target); url != known_.apiUrls.end()) return url->second;
        break;
      case DeployRef::Kind::ApiId: return "local";
      case DeployRef::Kind::AccountId: return known_.account;
      case DeployRef::Kind::PseudoParameter:
        // Inside ARNs jaws builds (stdlib/resources.jaws): the commercial partition, as locally everywhere.
        if (ref.name == "AWS::Partition") return std::string("aws");
        if (ref.name == "AWS::Region") return stack_.stage.region;
        if (ref.name == "AWS::URLSuffix") return std::string("amazonaws.com");
        break;
      default: break;
    }
    if (missingKey.empty()) missingKey = key;
    return std::nullopt;
  }

  const model::Stack& stack_;
  const LocalValues& values_;
  const KnownValues& known_;
};

}  // namespace

KnownValues knownValues(const model::Stack& stack, const LocalValues& values,
                        const std::map<std::string, std::string, std::less<>>& apiUrls) {
  KnownValues known;
  known.apiUrls = apiUrls;
  if (auto given = values.values.find("account"); given != values.values.end()) {
    known.account = given->second;
  } else {
    known.account = stack.stage.account.value_or(kLocalAccount);
  }
  return known;
}

ResolvedFunctionEnvironment resolveEnvironment(const model::Stack& stack, const model::Function& function,
                                               const LocalValues& values, const KnownValues& known) {
  ResolvedFunctionEnvironment out;
  const Resolver resolver(stack, values, known);
  for (const auto& [name, value] : function.environment) {
    if (emit::isSecureSsm(value)) {
      out.variables.emplace_back(name + emit::kSsmParameterSuffix, value.ref.name);
      continue;
    }
    std::string missingKey;
    if (auto text = resolver.text(value, missingKey)) {
      out.variables.emplace_back(name, std::move(*text));
    } else {
      out.missing.push_back({missingKey, function.name, name, value.origin});
    }
  }
  return out;
}

Diagnostics missingValueDiagnostics(const std::vector<MissingValue>& missing) {
  std::map<std::string, std::vector<const MissingValue*>> byKey;
  for (const MissingValue& m : missing) byKey[m.key].push_back(&m);
  Diagnostics out;
  for (const auto& [key, uses] : byKey) {
    std::string variables;
    for (std::size_t i = 0; i < uses.size(); ++i) {
      variables += (i == 0 ? "" : i + 1 == uses.size() ? " and " : ", ") + uses[i]->function + "." + uses[i]->variable;
    }
    out.push_back(diag::LocalValueMissing(uses.front()->at, key, variables + (uses.size() == 1 ? " is" : " are")));
  }
  return out;
}

}  // namespace jaws::local
