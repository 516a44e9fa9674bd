// Rules about function URLs (`url` on a function): `fn.url` only where the
// function has one (JW3038), and not in its own environment (JW3039), CORS
// that browsers refuse (JW4064), and streaming on a runtime that cannot
// stream (JW5017).
#include <map>

#include "diag/Builders.h"
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

namespace {

// Where the key of a function's `url` object is written, else the `url` value itself.
Span urlKeySpan(const StackRuleContext& c, const model::Function& f, std::string_view key) {
  const ast::BlockDecl* decl = blockDecl(c.program, f.name, SymbolKind::Function);
  const ast::Attribute* url = decl ? findAttribute(*decl, "url") : nullptr;
  if (url == nullptr) return spanOr(f.url->span, f.span);
  return spanOr(objectKeySpan(*url->value, key), url->value->span);
}

void checkUrlReads(const StackRuleContext& c) {
  if (c.evaluator.functionUrlReads().empty()) return;
  std::map<std::string_view, const model::Function*> functions;
  for (const auto& f : c.stack.functions) functions.emplace(f.name, &f);
  for (const auto& read : c.evaluator.functionUrlReads()) {
    auto found = functions.find(read.function);
    if (found == functions.end() || found->second->url) continue;
    Diagnostic d = diag::FunctionHasNoUrl(read.span, read.function);
    d.note(found->second->span, note::DeclaredHere());
    c.out.push_back(std::move(d));
  }
}

bool refersToUrlOf(const model::Value& value, const std::string& function) {
  if (value.kind == model::Value::Kind::Deploy) {
    return value.ref.kind == model::DeployRef::Kind::FunctionUrl && value.ref.target == function;
  }
  for (const auto& part : value.items) {
    if (refersToUrlOf(part, function)) return true;
  }
  return false;
}

}  // namespace

void checkFunctionUrlRules(const StackRuleContext& context) {
  checkUrlReads(context);
  for (const auto& f : context.stack.functions) {
    if (!f.url) continue;
    for (const auto& [name, value] : f.environment) {
      if (refersToUrlOf(value, f.name)) context.out.push_back(diag::OwnUrlInEnvironment(spanOr(value.origin, f.span), f.name));
    }
    const model::Cors& cors = f.url->cors;
    if (cors.enabled && cors.credentials) {
      for (const auto& origin : cors.origins) {
        if (origin != "*") continue;
        context.out.push_back(diag::HttpCorsCredentialsWithAnyOrigin(urlKeySpan(context, f, "cors"), "the function URL of `" + f.name + "`")
                                  .withHelp(note::ListOrigins()));
        break;
      }
    }
    // Custom runtimes (`provided.*`) may implement the streaming Runtime API.
    if (f.url->stream && f.runtimeFamily != model::RuntimeFamily::Node && f.runtime.rfind("provided", 0) != 0) {
      context.out.push_back(diag::StreamNeedsNodeRuntime(urlKeySpan(context, f, "stream"), f.runtime));
    }
  }
}

}  // namespace jaws::sema
