// Per-function AWS rules: the deployed name and handler fit Lambda's limits,
// the runtime is still allowed, schedules parse as EventBridge expressions,
// IAM statements are well-formed, and layers are layer-version ARNs of the
// stack's region.
#include <cctype>
#include <regex>

#include "diag/Builders.h"
#include "sema/rules/RuleContext.h"
#include "sema/rules/ScheduleExpression.h"

namespace jaws::sema {

namespace {

using K = model::Value::Kind;

void checkName(const StackRuleContext& c, const model::Function& f) {
  if (auto limit = c.aws.limit("functionNameLength"); limit && static_cast<std::int64_t>(f.functionName.size()) > *limit) {
    c.out.push_back(diag::FunctionNameTooLong(f.span, f.functionName, std::to_string(f.functionName.size()), std::to_string(*limit)));
  }
  if (auto limit = c.aws.limit("handlerLength"); limit && static_cast<std::int64_t>(f.handler.size()) > *limit) {
    const ast::BlockDecl* decl = blockDecl(c.program, f.name, SymbolKind::Function);
    const ast::Attribute* handler = decl ? findAttribute(*decl, "handler") : nullptr;
    c.out.push_back(diag::HandlerTooLong(handler ? handler->value->span : Span{f.span}, f.name, std::to_string(f.handler.size()),
                                         std::to_string(*limit)));
  }
}

void checkRuntime(const StackRuleContext& c, const model::Function& f) {
  const auto status = c.aws.runtime(f.runtime);
  if (!status || (status->status != "deprecated" && status->status != "blocked")) return;
  const ast::Attribute* written = inheritedAttribute(c.program, blockDecl(c.program, f.name, SymbolKind::Function), "runtime");
  const Span at = written ? written->value->span : Span{f.span};
  const std::string successor = status->successor.empty() ? "a supported runtime" : status->successor;
  Diagnostic d = status->status == "blocked" ? diag::BlockedRuntime(at, f.runtime, successor)
                                             : diag::DeprecatedRuntime(at, f.runtime, successor);
  if (written && written->value->kind == ast::ExprKind::String && !status->successor.empty()) {
    const std::string quoted = "\"" + status->successor + "\"";
    d.withFix(note::ReplaceWith(quoted), at, quoted);
  }
  c.out.push_back(std::move(d));
}

NoteText scheduleReason(const ScheduleProblem& p) {
  using PK = ScheduleProblem::Kind;
  switch (p.kind) {
    case PK::Form: return note::ScheduleForm();
    case PK::RateValue: return note::ScheduleRateValue();
    case PK::RateUnit: return note::ScheduleRateUnit(p.detail);
    case PK::RateSingular: return note::ScheduleRateSingular(p.detail);
    case PK::RatePlural: return note::ScheduleRatePlural(p.detail);
    case PK::CronFieldCount: return note::ScheduleCronFieldCount(p.detail);
    case PK::CronQuestionMark: return note::ScheduleCronQuestionMark();
    case PK::CronField: return note::ScheduleCronBadField(p.detail, p.field);
    case PK::CronHashList: return note::ScheduleCronHashList();
  }
  return note::ScheduleForm();
}

void checkSchedules(const StackRuleContext& c, const model::Function& f) {
  for (const auto& schedule : f.schedules) reportInvalidSchedule(c, schedule.expression, spanOr(schedule.span, f.span));
}

// `service:Action` (`[a-z0-9-]+:[A-Za-z0-9*?]+`), with `*` and `?` allowed
// within the action name, or `*`. Checked by hand: it runs for every action.
bool isIamAction(std::string_view action) {
  if (action == "*") return true;
  const auto colon = action.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon + 1 == action.size()) return false;
  for (std::size_t i = 0; i < action.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(action[i]);
    const bool ok = i < colon ? (std::islower(ch) || std::isdigit(ch) || ch == '-')
                              : i == colon || std::isalnum(ch) || ch == '*' || ch == '?';
    if (!ok) return false;
  }
  return true;
}

void checkPermissions(const StackRuleContext& c, const model::Function& f) {
  for (const auto& permission : f.permissions) {
    for (const auto& action : permission.actions) {
      if (!isIamAction(action)) c.out.push_back(diag::InvalidIamAction(spanOr(permission.span, f.span), action));
    }
    for (const auto& resource : permission.resources) {
      if (resource.kind == K::String && resource.string != "*" && resource.string.rfind("arn:", 0) != 0) {
        c.out.push_back(diag::InvalidIamResource(spanOr(resource.origin, spanOr(permission.span, f.span)), resource.string));
      }
    }
  }
}

void checkLayers(const StackRuleContext& c, const model::Function& f) {
  // arn:<partition>:lambda:<region>:<account>:layer:<name>:<version>
  if (f.layers.empty()) return;  // the pattern is compiled only for a project that has layers
  static const std::regex kLayer("^arn:aws[a-zA-Z-]*:lambda:([a-z]{2}(?:-[a-z]+)+-[0-9]+):[0-9]{12}:layer:[A-Za-z0-9_-]{1,140}:[0-9]+$");
  for (const auto& layer : f.layers) {
    if (layer.kind != K::String) continue;  // a deploy-time ARN is checked by Lambda
    std::smatch match;
    const Span at = spanOr(layer.origin, f.span);
    if (!std::regex_match(layer.string, match, kLayer)) {
      c.out.push_back(diag::InvalidLayerArn(at, layer.string));
    } else if (!c.stack.stage.region.empty() && match[1].str() != c.stack.stage.region) {
      c.out.push_back(diag::LayerInOtherRegion(at, layer.string, match[1].str(), c.stack.stage.region));
    }
  }
}

}  // namespace

void reportInvalidSchedule(const StackRuleContext& c, const std::string& expression, Span at) {
  if (auto problem = checkScheduleExpression(expression)) {
    c.out.push_back(diag::InvalidScheduleExpression(at, expression).withHelp(scheduleReason(*problem)));
  }
}

void checkFunctionRules(const StackRuleContext& context) {
  forEachFunction(context, [&](const model::Function& f) {
    checkName(context, f);
    checkRuntime(context, f);
    checkSchedules(context, f);
    checkPermissions(context, f);
    checkLayers(context, f);
  });
}

}  // namespace jaws::sema
