#include "sema/ModelBuilder.h"

#include <algorithm>

#include "diag/Builders.h"
#include "sema/HttpModel.h"
#include "sema/ResourceMembers.h"
#include "sema/SplittingPolicy.h"
#include "sema/ValueChecker.h"

namespace jaws::sema {

using K = model::Value::Kind;

namespace {

std::string stringOr(const model::Value* v, std::string fallback = "") {
  return v != nullptr && v->kind == K::String ? v->string : fallback;
}

std::string docSummary(const std::string& doc, std::size_t limit) {
  std::string summary = doc.substr(0, doc.find("\n\n"));
  for (char& c : summary) {
    if (c == '\n') c = ' ';
  }
  if (summary.size() > limit) {
    summary.resize(limit - 3);
    while (!summary.empty() && (static_cast<unsigned char>(summary.back()) & 0xC0) == 0x80) summary.pop_back();
    if (!summary.empty()) summary.pop_back();  // the lead byte of a cut character, or one more ASCII one
    summary += "...";
  }
  return summary;
}

std::set<std::string> paramNames(const Program& program) {
  std::set<std::string> names;
  for (const auto* p : program.params) names.insert(p->name.text);
  return names;
}

}  // namespace

std::vector<std::string> stageRegions(const ast::StageDecl& stage, const Program& program, TypeResolver& types,
                                      Diagnostics& out) {
  Evaluator evaluator(program, types, Target{stage.name.text, ""}, out);
  TypePtr schema = types.schema("Stage");
  std::vector<std::string> regions;
  if (!schema) return regions;
  // Only `regions` decides the targets; the rest of the block is checked per target.
  std::vector<ast::Attribute> none;
  for (const auto& a : stage.attributes) {
    if (a.key.text != "regions") continue;
    if (MaybeValue v = evaluator.eval(*a.value); v && v->kind == K::List) {
      for (const auto& r : v->items) {
        if (r.kind == K::String && std::find(regions.begin(), regions.end(), r.string) == regions.end()) regions.push_back(r.string);
      }
      // A stage without regions has no target, so no per-target check would
      // see its `regions`: check it here (its @minItems says why it is wrong).
      const FieldType* field = schema->field("regions");
      if (regions.empty() && field != nullptr && field->field != nullptr) {
        ValueChecker(out).check(*v, *field->type, &field->field->decorators, "`regions`", false, a.value->span);
      }
    }
    return regions;
  }
  const model::Value& project = evaluator.projectValue();
  if (const model::Value* v = project.field("regions"); v && v->kind == K::List) {
    for (const auto& r : v->items) {
      if (r.kind == K::String && std::find(regions.begin(), regions.end(), r.string) == regions.end()) regions.push_back(r.string);
    }
  }
  return regions;
}

std::map<std::string, std::string> ModelBuilder::stringMap(const model::Value* value) {
  std::map<std::string, std::string> out;
  if (value == nullptr || value->kind != K::Object) return out;
  for (const auto& [k, v] : value->fields) {
    if (v.kind == K::String) out[k] = v.string;
  }
  return out;
}

model::Stack ModelBuilder::build(const std::string& projectDir) {
  model::Stack stack;
  stack.projectDir = projectDir;
  buildProject(stack);
  buildStage(stack);
  reuse_.startTarget(evaluator_, stack);
  const Program& program = evaluator_.program();
  // A declaration whose `@when` is false here is not part of this target.
  stack.functions.reserve(program.functions.size());
  for (const auto* f : program.functions) {
    if (evaluator_.exists(*f)) buildFunction(*f, stack);
  }
  for (const auto* a : program.apis) {
    if (evaluator_.exists(*a)) buildApi(*a, stack);
  }
  for (const auto* r : program.resources) {
    if (evaluator_.exists(*r)) buildResource(*r, stack);
  }
  for (const auto* o : program.outputs) {
    if (evaluator_.exists(*o)) buildOutput(*o, stack);
  }
  stack.types = schemas_.namedSchemas(program);
  evaluateUnusedDeclarations();
  return stack;
}

void ModelBuilder::buildProject(model::Stack& stack) {
  const model::Value& project = evaluator_.projectValue();
  const Program& program = evaluator_.program();
  stack.project.name = program.project ? program.project->name.text : "";
  stack.project.description = stringOr(project.field("description"), program.project ? program.project->doc : "");
  stack.project.version = stringOr(project.field("version"));
  stack.project.tags = stringMap(project.field("tags"));
  stack.splitting = readSplitting(evaluator_, project);
}

void ModelBuilder::buildStage(model::Stack& stack) {
  const Target& target = evaluator_.target();
  stack.stage.name = target.stage;
  stack.stage.region = target.region;
  stack.stackName = stack.project.name + "-" + target.stage;
  const ast::StageDecl* decl = evaluator_.stageDecl();
  TypePtr schema = evaluator_.types().schema("Stage");
  if (decl == nullptr || !schema) return;
  MaybeValue v = evaluator_.evaluateBlock(decl->attributes, *schema, "stage `" + target.stage + "`", decl->name.span,
                                          paramNames(evaluator_.program()));
  // Every param is evaluated for every stage, used or not, so a missing or
  // wrong value is reported; also when the stage block itself has an error
  // (a misspelt key must not hide the params' problems).
  for (const auto* p : evaluator_.program().params) evaluator_.paramValue(*p);
  if (!v) return;
  stageValue_ = *v;
  if (const auto* account = v->field("account"); account && account->kind == K::String) stack.stage.account = account->string;
  if (const auto* protect = v->field("protect"); protect && protect->kind == K::Bool) stack.stage.protect = protect->boolean;
  if (const auto* regions = v->field("regions"); regions && regions->kind == K::List) {
    for (const auto& r : regions->items) stack.stage.regions.push_back(r.string);
  }
  for (const auto& [k, tag] : stringMap(v->field("tags"))) stack.project.tags[k] = tag;
}

void ModelBuilder::buildFunction(const ast::FunctionDecl& decl, model::Stack& stack) {
  if (reuse_.take(decl, evaluator_, stack)) return;
  if (!reuse_.recording()) return evaluateFunction(decl, stack);
  ReadLog log;
  const std::size_t reported = evaluator_.diagnostics().size(), functions = stack.functions.size();
  evaluator_.setReadLog(&log);
  evaluateFunction(decl, stack);
  evaluator_.setReadLog(nullptr);
  reuse_.record(decl, std::move(log), evaluator_.diagnostics().size() != reported,
                stack.functions.size() > functions ? std::optional<std::size_t>(functions) : std::nullopt, evaluator_, stack);
}

void ModelBuilder::evaluateFunction(const ast::FunctionDecl& decl, model::Stack& stack) {
  TypePtr schema = evaluator_.types().schema("Function");
  if (!schema || !decl.name.valid()) return;
  MaybeValue v = evaluator_.evaluateBlock(decl.attributes, *schema, "function `" + decl.name.text + "`", decl.name.span);
  if (!v) return;
  model::Function f;
  f.name = decl.name.text;
  f.span = decl.name.span;
  f.functionName = stack.project.name + "-" + stack.stage.name + "-" + f.name;
  // A doc comment stands in for a missing description: its first paragraph,
  // cut to Lambda's 256 characters (an explicit `description` is checked
  // against that limit instead).
  f.description = stringOr(v->field("description"), docSummary(decl.doc, 256));
  f.handler = stringOr(v->field("handler"));
  if (auto dot = f.handler.rfind('.'); dot != std::string::npos) {
    f.handlerModule = f.handler.substr(0, dot);
    f.handlerExport = f.handler.substr(dot + 1);
  }
  f.source = stringOr(v->field("source"), ".");
  f.sourceSpan = f.span;
  for (const auto& attribute : decl.attributes) {
    if (attribute.key.text == "source" && attribute.value) f.sourceSpan = attribute.value->span;
  }
  f.runtime = stringOr(v->field("runtime"));
  if (f.runtime.empty()) {
    evaluator_.diagnostics().push_back(
        diag::MissingAttribute(decl.name.span, "runtime", "function `" + f.name + "`").withHelp(note::SetItHere("runtime")));
  }
  if (const MaybeValue& lifecycle = evaluator_.stdlibLet("runtimeLifecycle")) {
    const std::string family = stringOr(lifecycle->field(f.runtime) ? lifecycle->field(f.runtime)->field("family") : nullptr);
    f.runtimeFamily = family == "node" ? model::RuntimeFamily::Node
                      : family == "python" ? model::RuntimeFamily::Python
                                           : model::RuntimeFamily::Other;
  }
  f.architecture = stringOr(v->field("architecture"), "x86_64");
  if (const auto* m = v->field("memory"); m && m->kind == K::Size) f.memoryMb = m->integer / (1024 * 1024);
  if (const auto* t = v->field("timeout"); t && t->kind == K::Duration) f.timeoutSeconds = (t->integer + 999) / 1000;
  // The project's variables, then the function's over them, in key order;
  // each value is copied once, into the function.
  std::map<std::string_view, const model::Value*> env;
  if (const auto* e = evaluator_.projectValue().field("env"); e && e->kind == K::Object) {
    for (const auto& [k, val] : e->fields) env[k] = &val;
  }
  if (const auto* e = v->field("env"); e && e->kind == K::Object) {
    for (const auto& [k, val] : e->fields) env[k] = &val;
  }
  f.environment.reserve(env.size());
  for (const auto& [k, val] : env) f.environment.emplace_back(std::string(k), *val);
  if (const auto* perms = v->field("permissions"); perms && perms->kind == K::List) {
    for (const auto& p : perms->items) {
      model::Permission permission;
      permission.span = p.origin;
      if (const auto* actions = p.field("actions"); actions && actions->kind == K::List) {
        for (const auto& a : actions->items) permission.actions.push_back(a.string);
      }
      if (const auto* resources = p.field("resources"); resources && resources->kind == K::List) permission.resources = resources->items;
      f.permissions.push_back(std::move(permission));
    }
  }
  if (const auto* rc = v->field("reservedConcurrency"); rc && rc->kind == K::Int) f.reservedConcurrency = rc->integer;
  if (const auto* lr = v->field("logRetention"); lr && lr->kind == K::Int) f.logRetentionDays = lr->integer;
  f.tags = stack.project.tags;
  for (const auto& [k, tag] : stringMap(v->field("tags"))) f.tags[k] = tag;
  if (const auto* s = v->field("schedule")) {
    if (s->kind == K::String) f.schedules.push_back({s->string, s->origin});
    if (s->kind == K::List) {
      for (const auto& item : s->items) f.schedules.push_back({item.string, item.origin});
    }
  }
  if (const auto* layers = v->field("layers"); layers && layers->kind == K::List) f.layers = layers->items;
  f.url = functionUrlOf(v->field("url"));
  readFunctionOptions(*v, f);
  if (const auto* events = v->field("events"); events && events->kind == K::List) {
    for (const auto& record : events->items) {
      if (auto event = model::readEvent(record)) f.events.push_back(std::move(*event));
    }
  }
  stack.functions.push_back(std::move(f));
}

model::Auth ModelBuilder::authOf(const model::Value& value) {
  model::Auth auth;
  auth.span = value.origin;
  if (value.kind == K::String) {
    auth.kind = value.string == "iam" ? model::AuthKind::Iam : value.string == "apiKey" ? model::AuthKind::ApiKey : model::AuthKind::None;
  } else if (value.kind == K::Object) {
    const std::string kind = stringOr(value.field("kind"));
    if (kind == "cognito") {
      auth.kind = model::AuthKind::Cognito;
      if (const auto* arn = value.field("userPoolArn")) auth.cognitoUserPoolArn = *arn;
      readJwtFields(value, auth);
    } else if (kind == "jwt") {
      auth.kind = model::AuthKind::Jwt;
      readJwtFields(value, auth);
    } else if (kind == "authorizer") {
      auth.kind = model::AuthKind::Authorizer;
      auth.authorizerFunction = stringOr(value.field("function"));
    }
  }
  return auth;
}

void ModelBuilder::buildApi(const ast::ApiDecl& decl, model::Stack& stack) {
  TypePtr schema = evaluator_.types().schema("Api");
  if (!schema || !decl.name.valid()) return;
  MaybeValue v = evaluator_.evaluateBlock(decl.attributes, *schema, "api `" + decl.name.text + "`", decl.name.span);
  model::Api api;
  api.name = decl.name.text;
  api.span = decl.name.span;
  if (v) {
    api.description = stringOr(v->field("description"), decl.doc);
    if (stringOr(v->field("kind")) == "http") api.kind = model::ApiKind::Http;
    api.cors = corsOf(v->field("cors"));
    if (const auto* auth = v->field("auth")) api.auth = authOf(*auth);
    api.endpoint = stringOr(v->field("endpoint"), "REGIONAL");
    if (const auto* validate = v->field("validate"); validate && validate->kind == K::Bool) api.validate = validate->boolean;
    if (const auto* types = v->field("binaryMediaTypes"); types && types->kind == K::List) {
      for (const auto& t : types->items) api.binaryMediaTypes.push_back(t.string);
    }
    if (const auto* throttle = v->field("throttle"); throttle && throttle->kind == K::Object) {
      if (const auto* rate = throttle->field("rate")) {
        api.throttle.rateLimit = rate->kind == K::Number ? rate->number : static_cast<double>(rate->integer);
      }
      if (const auto* burst = throttle->field("burst"); burst && burst->kind == K::Int) api.throttle.burstLimit = burst->integer;
    }
  }
  api.routes.reserve(decl.routes.size());
  const std::size_t apiIndex = stack.apis.size();
  for (const auto& route : decl.routes) {
    if (!evaluator_.exists(route.decorators, &route) || reuse_.takeRoute(route, apiIndex, api, evaluator_)) continue;
    if (!reuse_.recording()) {
      buildRoute(route, api, api.routes);
      continue;
    }
    ReadLog log;
    const std::size_t reported = evaluator_.diagnostics().size(), routes = api.routes.size();
    evaluator_.setReadLog(&log);
    const bool apiAuth = buildRoute(route, api, api.routes);
    evaluator_.setReadLog(nullptr);
    reuse_.recordRoute(route, apiIndex, api, std::move(log), evaluator_.diagnostics().size() != reported,
                       api.routes.size() > routes ? std::optional<std::size_t>(routes) : std::nullopt, apiAuth, evaluator_);
  }
  reuse_.finishApi(api);
  stack.apis.push_back(std::move(api));
}

bool ModelBuilder::buildRoute(const ast::Route& route, const model::Api& api, std::vector<model::Route>& routes) {
  TypePtr schema = evaluator_.types().schema("Route");
  MaybeValue attributes;
  if (schema) attributes = evaluator_.evaluateBlock(route.attributes, *schema, "a route", route.span);
  const bool apiAuth = !attributes || attributes->field("auth") == nullptr;
  if (!route.method || !route.path.valid || !route.target.valid()) return apiAuth;
  // The function it invokes must exist here too (JW2123).
  if (const Symbol* target = evaluator_.program().lookup(route.target.text);
      target != nullptr && target->kind == SymbolKind::Function && !evaluator_.present(*target, route.target.span)) {
    return apiAuth;
  }
  model::Route r;
  r.method = static_cast<model::HttpMethod>(*route.method);
  r.path = route.path.text;
  r.function = route.target.text;
  r.span = route.span;
  r.auth = api.auth;
  r.description = route.doc;
  r.operationId = route.target.text;
  if (attributes) {
    if (const auto* auth = attributes->field("auth")) r.auth = authOf(*auth);
    r.operationId = stringOr(attributes->field("operationId"), r.operationId);
    r.description = stringOr(attributes->field("description"), r.description);
  }
  TypeResolver& types = evaluator_.types();
  for (const auto& segment : route.path.segments) {
    if (segment.kind == ast::PathSegment::Kind::Literal) continue;
    model::RouteParameter p;
    p.where = model::ParamLocation::Path;
    p.name = segment.text;
    p.schema.kind = model::Schema::Kind::String;
    for (const auto& item : route.parameters) {
      if (item.where == ast::ParamLocation::Path && item.name.text == segment.text) {
        p.schema = schemas_.schemaOf(*types.resolve(*item.type), &item.decorators);
        p.description = item.doc;
      }
    }
    r.parameters.push_back(std::move(p));
  }
  for (const auto& item : route.parameters) {
    if (item.where == ast::ParamLocation::Path) {
      const bool inPath = std::any_of(route.path.segments.begin(), route.path.segments.end(), [&](const ast::PathSegment& s) {
        return s.kind != ast::PathSegment::Kind::Literal && s.text == item.name.text;
      });
      if (!inPath) evaluator_.diagnostics().push_back(diag::PathParameterNotInPath(item.name.span, item.name.text));
      continue;
    }
    model::RouteParameter p;
    p.where = item.where == ast::ParamLocation::Query ? model::ParamLocation::Query : model::ParamLocation::Header;
    p.name = item.name.text;
    p.required = !item.optional;
    p.schema = schemas_.schemaOf(*types.resolve(*item.type), &item.decorators);
    p.description = item.doc;
    r.parameters.push_back(std::move(p));
  }
  if (!route.bodies.empty()) r.body = schemas_.schemaOf(*types.resolve(*route.bodies.front().type), &route.bodies.front().decorators);
  for (const auto& response : route.responses) {
    model::Response out;
    out.status = response.status.value_or(200);
    out.schema = schemas_.schemaOf(*types.resolve(*response.type), &response.decorators);
    out.description = response.doc;
    r.responses.push_back(std::move(out));
  }
  std::stable_sort(r.responses.begin(), r.responses.end(), [](const auto& a, const auto& b) { return a.status < b.status; });
  routes.push_back(std::move(r));
  return apiAuth;
}

void ModelBuilder::buildResource(const ast::ResourceDecl& decl, model::Stack& stack) {
  model::Resource resource;
  resource.name = decl.name.text;
  resource.type = decl.resourceType;
  resource.span = decl.name.span;
  if (MaybeValue arn = arnOf(evaluator_, decl, {})) resource.arn = std::move(*arn);
  std::map<std::string, Span> seen;
  for (const auto& a : decl.attributes) {
    if (auto [it, inserted] = seen.emplace(a.key.text, a.key.span); !inserted) {
      evaluator_.diagnostics().push_back(diag::DuplicateAttribute(a.key.span, a.key.text).note(it->second, note::FirstDeclaredHere()));
      continue;
    }
    // `null` leaves a property (or an entry or item inside it) unset, as in
    // every block: `Tags = stage == "prod" ? [...] : null`.
    MaybeValue v = evaluator_.eval(*a.value);
    if (v && v->kind != K::Null) resource.properties.emplace_back(a.key.text, model::withoutNulls(std::move(*v)));
  }
  readResourceOptions(decl, evaluator_, resource);
  stack.resources.push_back(std::move(resource));
}

void ModelBuilder::buildOutput(const ast::OutputDecl& decl, model::Stack& stack) {
  MaybeValue v = evaluator_.eval(*decl.value);
  if (!v) return;
  model::Output output;
  output.name = decl.name.text;
  output.value = std::move(*v);
  output.description = decl.doc;
  output.span = decl.name.span;
  if (const ast::Decorator* exported = findDecorator(decl.decorators, "export")) {
    if (exported->args.size() == 1) {
      if (MaybeValue name = evaluator_.eval(*exported->args[0]); name && name->kind == K::String) output.exportName = name->string;
    } else {
      output.exportName = stack.stackName + "-" + decl.name.text;
    }
  }
  stack.outputs.push_back(std::move(output));
}

void ModelBuilder::evaluateUnusedDeclarations() {
  for (const auto* let : evaluator_.program().lets) evaluator_.letValue(*let);
}

}  // namespace jaws::sema
