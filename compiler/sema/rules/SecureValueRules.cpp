// Where a secret may flow (docs/artifacts.md, "@secure values"). A @secure
// SSM value (`{{resolve:ssm-secure:...}}`) resolves only whole in a function's
// env (the emitter renames the variable, JW3024) and only in the resource
// properties of stdlib `ssmSecureProperties` (JW3026); no secret, from
// Secrets Manager or a @secure param, may reach an output (JW3025).
#include <algorithm>

#include "diag/Builders.h"
#include "emit/cloudformation/CfnValues.h"
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

namespace {

using K = model::Value::Kind;
using RK = model::DeployRef::Kind;

// The first @secure SSM reference inside a value, if any.
const model::DeployRef* secureSsmIn(const model::Value& value) {
  if (emit::isSecureSsm(value)) return &value.ref;
  for (const auto& item : value.items) {
    if (const auto* ref = secureSsmIn(item)) return ref;
  }
  for (const auto& [key, field] : value.fields) {
    if (const auto* ref = secureSsmIn(field)) return ref;
  }
  return nullptr;
}

// A secret: a @secure value, or any Secrets Manager reference.
bool holdsSecret(const model::Value& value) {
  if (value.kind == K::Deploy && (value.ref.secure || value.ref.kind == RK::Secret)) return true;
  for (const auto& item : value.items) {
    if (holdsSecret(item)) return true;
  }
  for (const auto& [key, field] : value.fields) {
    if (holdsSecret(field)) return true;
  }
  return false;
}

// Matches a property path against an allowed one ("RdsDbInstances.*.DbPassword").
bool pathAllowed(const std::string& path, const std::vector<std::string>& allowed) {
  return std::find(allowed.begin(), allowed.end(), path) != allowed.end();
}

// Reports every place inside a resource property that holds a @secure SSM
// value but is not on the type's list; `path` is the property path so far.
void checkProperty(const model::Value& value, const std::string& path, const std::string& type,
                   const std::vector<std::string>& allowed, Span fallback, Diagnostics& out) {
  switch (value.kind) {
    case K::Object:
      for (const auto& [key, field] : value.fields) checkProperty(field, path + "." + key, type, allowed, fallback, out);
      return;
    case K::List:
      for (const auto& item : value.items) checkProperty(item, path + ".*", type, allowed, fallback, out);
      return;
    default:
      // Inside a string too: dynamic references resolve within any string of
      // an allowed property.
      if (secureSsmIn(value) != nullptr && !pathAllowed(path, allowed)) {
        out.push_back(diag::SecureSsmNotResolvable(spanOr(value.origin, fallback), path, type));
      }
  }
}

void checkValue(const model::Value& value, const std::string& property, const std::string& type, Span fallback,
                Diagnostics& out) {
  if (secureSsmIn(value) != nullptr) out.push_back(diag::SecureSsmNotResolvable(spanOr(value.origin, fallback), property, type));
}

}  // namespace

void checkSecureValueRules(const StackRuleContext& c) {
  forEachFunction(c, [&](const model::Function& f) {
    const ast::BlockDecl* decl = blockDecl(c.program, f.name, SymbolKind::Function);
    for (const auto& [name, value] : f.environment) {
      if (emit::isSecureSsm(value)) continue;  // whole: becomes NAME_SSM_PARAMETER
      if (const model::DeployRef* ref = secureSsmIn(value)) {
        const Span at = spanOr(inheritedKeySpan(c, decl, "env", name), spanOr(value.origin, f.span));
        c.out.push_back(diag::SecureSsmInsideValue(at, ref->name, name));
      }
    }
    for (const model::Permission& permission : f.permissions) {
      for (const auto& resource : permission.resources) checkValue(resource, "Policies", "AWS::IAM::Role", permission.span, c.out);
    }
    for (const auto& layer : f.layers) checkValue(layer, "Layers", "AWS::Lambda::Function", f.span, c.out);
  });
  for (const model::Api& api : c.stack.apis) {
    checkValue(api.auth.cognitoUserPoolArn, "Body", "AWS::ApiGateway::RestApi", api.span, c.out);
    for (const model::Route& route : api.routes) {
      checkValue(route.auth.cognitoUserPoolArn, "Body", "AWS::ApiGateway::RestApi", route.span, c.out);
    }
  }
  for (const model::Resource& resource : c.stack.resources) {
    const auto allowed = c.aws.ssmSecureProperties(resource.type);
    if (!allowed) break;  // no table in the stdlib: the rule does not run
    for (const auto& [name, value] : resource.properties) checkProperty(value, name, resource.type, *allowed, resource.span, c.out);
  }
  for (const model::Output& output : c.stack.outputs) {
    if (holdsSecret(output.value)) c.out.push_back(diag::SecretInOutput(output.span, output.name));
  }
}

}  // namespace jaws::sema
