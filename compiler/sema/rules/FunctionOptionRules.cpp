// The options of design §14 beyond what the Function schema checks: the kind
// of a dead-letter target and of the async destinations (JW3047),
// `permissions` beside `role` (JW3048), whole units (JW4071), a `name` two
// stacks of one account and region would share (JW4072, once per program),
// and a given role that must allow what the options need (JW5021).
#include <algorithm>
#include <map>

#include "diag/Builders.h"
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

namespace {

using K = model::Value::Kind;

// The service of a destination: "sqs", "sns", "lambda", "events" by its
// resource's type, `fn.arn`, or an ARN's text; empty when unknown (a
// deploy-time value Jaws cannot read) or the resource is of another type.
std::string serviceOf(const StackRuleContext& c, const model::EventTarget& target, std::string& found) {
  if (target.isResource()) {
    for (const auto& r : c.stack.resources) {
      if (r.name != target.resource) continue;
      found = r.type + " `" + r.name + "`";
      if (r.type == "AWS::SQS::Queue") return "sqs";
      if (r.type == "AWS::SNS::Topic") return "sns";
      if (r.type == "AWS::Events::EventBus") return "events";
      return "";
    }
    return "";  // not in this target: JW2123
  }
  const model::Value& arn = target.arn;
  found = model::describe(arn);
  if (arn.kind == K::Deploy && arn.ref.kind == model::DeployRef::Kind::FunctionArn) return "lambda";
  std::string text = arn.kind == K::String ? arn.string : "";
  if (arn.kind == K::Concat && !arn.items.empty() && arn.items.front().kind == K::String) text = arn.items.front().string;
  // `arn:<partition>:<service>:...`: the service is readable when the text
  // known now reaches past it (`arn:aws:sqs:${region}:...` does).
  if (text.rfind("arn:", 0) == 0) {
    const std::size_t partitionEnd = text.find(':', 4);
    const std::size_t serviceEnd = partitionEnd == std::string::npos ? partitionEnd : text.find(':', partitionEnd + 1);
    if (serviceEnd != std::string::npos) return text.substr(partitionEnd + 1, serviceEnd - partitionEnd - 1);
  }
  if (arn.kind != K::String) found = model::describe(arn) + ", whose service is not known when compiling";
  return "";
}

void checkFunctionDestination(const StackRuleContext& c, const model::Function& f, const model::EventTarget& target,
                      const std::string& what, const std::vector<std::string_view>& services, const std::string& expected) {
  std::string found;
  const std::string service = serviceOf(c, target, found);
  if (target.isResource() && found.empty()) return;
  if (std::find(services.begin(), services.end(), service) != services.end()) return;
  c.out.push_back(diag::DestinationWrongKind(spanOr(target.span, f.span), what, expected, found));
}

void checkWhole(const StackRuleContext& c, std::int64_t value, std::int64_t unit, Span at, const std::string& what,
                const std::string& valueText, const std::string& unitText) {
  if (value % unit != 0) c.out.push_back(diag::OptionNotWhole(at, what, valueText, unitText));
}

const ast::Attribute* attributeOf(const StackRuleContext& c, const model::Function& f, std::string_view key) {
  const ast::BlockDecl* decl = blockDecl(c.program, f.name, SymbolKind::Function);
  return decl ? findAttribute(*decl, key) : nullptr;
}

// What a given role must allow (JW5021): the options and sources that would
// otherwise add statements to the generated role.
std::string roleNeeds(const model::Function& f) {
  std::vector<std::string> needs;
  const model::FunctionOptions& o = f.options;
  if (!o.tracing.empty()) needs.push_back("`tracing`");
  if (!o.subnets.empty()) needs.push_back("`vpc`");
  if (o.deadLetter) needs.push_back("`deadLetter`");
  if (o.async && (o.async->onSuccess || o.async->onFailure)) needs.push_back("`async` destinations");
  if (!f.events.empty()) needs.push_back("`events`");
  std::string out;
  for (std::size_t i = 0; i < needs.size(); ++i) out += (i == 0 ? "" : i + 1 == needs.size() ? " and " : ", ") + needs[i];
  return out;
}

}  // namespace

void checkFunctionOptionRules(const StackRuleContext& c) {
  for (const auto& f : c.stack.functions) {
    const model::FunctionOptions& o = f.options;
    if (o.deadLetter) {
      checkFunctionDestination(c, f, *o.deadLetter, "the `deadLetter` of `" + f.name + "`", {"sqs", "sns"}, "a queue or topic");
    }
    if (o.async) {
      const std::vector<std::string_view> any = {"sqs", "sns", "lambda", "events"};
      const std::string kinds = "a queue, topic, function or event bus";
      if (o.async->onSuccess) checkFunctionDestination(c, f, *o.async->onSuccess, "`async.onSuccess` of `" + f.name + "`", any, kinds);
      if (o.async->onFailure) checkFunctionDestination(c, f, *o.async->onFailure, "`async.onFailure` of `" + f.name + "`", any, kinds);
      if (o.async->maxAgeMs) {
        checkWhole(c, *o.async->maxAgeMs, 1000, spanOr(o.async->maxAgeSpan, f.span), "`async.maxAge`",
                   model::describe(model::Value::ofDuration(*o.async->maxAgeMs)), "seconds");
      }
    }
    if (o.storageBytes) {
      checkWhole(c, *o.storageBytes, 1024 * 1024, spanOr(o.storageSpan, f.span), "`storage`",
                 model::describe(model::Value::ofSize(*o.storageBytes)), "megabytes");
    }
    if (o.role) {
      if (const ast::Attribute* permissions = attributeOf(c, f, "permissions")) {
        c.out.push_back(diag::PermissionsBesideRole(permissions->key.span, f.name));
      }
      if (const std::string needs = roleNeeds(f); !needs.empty()) {
        c.out.push_back(diag::RoleGrantsNothing(spanOr(o.roleSpan, f.span), f.name, needs));
      }
    }
  }
}

// JW4072: two functions of stacks that may share an account and region (the
// same literal account, or a stage that gives none) with one name.
void checkFunctionNames(const std::vector<model::Stack>& stacks, Diagnostics& out) {
  struct Named {
    const model::Stack* stack;
    const model::Function* function;
  };
  std::map<std::pair<std::string, std::string>, std::vector<Named>> byRegionAndName;
  for (const auto& stack : stacks) {
    for (const auto& f : stack.functions) {
      if (f.options.nameSpan.valid()) byRegionAndName[{stack.stage.region, f.functionName}].push_back({&stack, &f});
    }
  }
  // One report per `name` written, for its first clash in (region, name) order.
  struct Clash {
    std::string name, region;
    std::vector<std::string> owners;
  };
  std::map<std::tuple<FileId, std::uint32_t, std::uint32_t>, Clash> clashes;
  std::vector<std::tuple<FileId, std::uint32_t, std::uint32_t>> order;
  for (const auto& [key, named] : byRegionAndName) {
    for (std::size_t i = 0; i < named.size(); ++i) {
      for (std::size_t j = 0; j < named.size(); ++j) {
        if (i == j) continue;
        if (!mayShareAccount(*named[i].stack, *named[j].stack)) continue;
        const Span at = named[i].function->options.nameSpan;
        const auto where = std::make_tuple(at.file, at.begin, at.end);
        auto [it, inserted] = clashes.try_emplace(where, Clash{key.second, key.first, {}});
        if (inserted) order.push_back(where);
        if (it->second.name != key.second || it->second.region != key.first) continue;
        for (const auto& n : {named[i], named[j]}) {
          const std::string owner = "function `" + n.function->name + "` of " + n.stack->stackName;
          auto& owners = it->second.owners;
          if (std::find(owners.begin(), owners.end(), owner) == owners.end()) owners.push_back(owner);
        }
      }
    }
  }
  for (const auto& where : order) {
    const Clash& clash = clashes.at(where);
    std::string list;
    for (std::size_t i = 0; i < clash.owners.size(); ++i) {
      list += (i == 0 ? "" : i + 1 == clash.owners.size() ? " and " : ", ") + clash.owners[i];
    }
    out.push_back(diag::FunctionNameShared(Span{std::get<0>(where), std::get<1>(where), std::get<2>(where)}, clash.name,
                                           list + " in " + clash.region));
  }
}

}  // namespace jaws::sema
