// The hand-built stacks of tests/emit/StackFixtures.h and the golden check.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "emit/ApiDocuments.h"
#include "emit/ManifestEmitter.h"
#include "emit/StackFixtures.h"
#include "emit/YamlWriter.h"
#include "emit/apidocs/OpenApiEmitter.h"
#include "emit/cloudformation/CloudFormationEmitter.h"

namespace jaws::emit_test {

using model::DeployRef;
using model::HttpMethod;
using model::Schema;
using model::Value;

// ---- builders ----
Value str(std::string text) { return Value::ofString(std::move(text)); }

Value deployRef(DeployRef::Kind kind, std::string target, std::string attribute) {
  DeployRef ref{};
  ref.kind = kind;
  ref.target = std::move(target);
  ref.attribute = std::move(attribute);
  return Value::deploy(ref);
}

Value ssm(std::string name, bool secure) {
  DeployRef ref{};
  ref.kind = DeployRef::Kind::SsmParameter;
  ref.name = std::move(name);
  ref.secure = secure;
  return Value::deploy(ref);
}

Value secret(std::string name, std::string jsonKey, bool secure) {
  DeployRef ref{};
  ref.kind = DeployRef::Kind::Secret;
  ref.name = std::move(name);
  ref.jsonKey = std::move(jsonKey);
  ref.secure = secure;
  return Value::deploy(ref);
}

Value concat(std::vector<Value> parts) { return Value::concat(std::move(parts)); }

namespace {
Schema kind(Schema::Kind k) {
  Schema s;
  s.kind = k;
  return s;
}
Value arn(const std::string& target) { return deployRef(DeployRef::Kind::ResourceAttr, target, "Arn"); }
Value list(std::vector<Value> items) { return Value::list(std::move(items)); }
Value object(std::vector<std::pair<std::string, Value>> fields) { return Value::object(std::move(fields)); }
model::Permission allow(std::vector<std::string> actions, std::vector<Value> resources) {
  model::Permission p;
  p.actions = std::move(actions);
  p.resources = std::move(resources);
  return p;
}
model::RouteParameter param(model::ParamLocation where, std::string name, Schema schema, bool required = true) {
  model::RouteParameter p;
  p.where = where;
  p.name = std::move(name);
  p.schema = std::move(schema);
  p.required = required;
  return p;
}
model::Response returns(int status, std::optional<Schema> schema) {
  model::Response r;
  r.status = status;
  r.schema = std::move(schema);
  return r;
}
model::Resource resource(std::string name, std::string type, std::vector<std::pair<std::string, Value>> properties) {
  model::Resource r;
  r.name = std::move(name);
  r.type = std::move(type);
  r.properties = std::move(properties);
  return r;
}
model::Output output(std::string name, Value value, std::optional<std::string> exportName = std::nullopt) {
  model::Output o;
  o.name = std::move(name);
  o.value = std::move(value);
  o.exportName = std::move(exportName);
  return o;
}
model::NamedSchema named(std::string name, Schema schema, std::string description = "") {
  model::NamedSchema n;
  n.name = std::move(name);
  n.schema = std::move(schema);
  n.description = std::move(description);
  return n;
}
Schema withFormat(Schema s, std::string format) {
  s.constraints.format = std::move(format);
  return s;
}
model::Auth authOf(model::AuthKind k) {
  model::Auth a;
  a.kind = k;
  return a;
}
}  // namespace

Schema stringSchema() { return kind(Schema::Kind::String); }
Schema intSchema() { return kind(Schema::Kind::Integer); }
Schema boolSchema() { return kind(Schema::Kind::Boolean); }
Schema refSchema(std::string name) {
  Schema s = kind(Schema::Kind::Ref);
  s.refName = std::move(name);
  return s;
}
Schema arrayOf(Schema element) {
  Schema s = kind(Schema::Kind::Array);
  s.element = std::make_shared<Schema>(std::move(element));
  return s;
}
Schema enumOf(std::vector<std::string> values) {
  Schema s = kind(Schema::Kind::Union);
  for (auto& v : values) {
    Schema literal = kind(Schema::Kind::Literal);
    literal.literal = str(std::move(v));
    s.members.push_back(std::move(literal));
  }
  return s;
}
Schema objectOf(std::vector<model::SchemaField> fields) {
  Schema s = kind(Schema::Kind::Object);
  s.fields = std::move(fields);
  return s;
}
model::SchemaField field(std::string name, Schema schema, bool optional) {
  model::SchemaField f;
  f.name = std::move(name);
  f.schema = std::move(schema);
  f.optional = optional;
  return f;
}

model::Stack baseStack(std::string project, std::string stage, std::string region) {
  model::Stack stack;
  stack.project.name = std::move(project);
  stack.project.tags = {{"team", "platform"}};
  stack.stage.name = std::move(stage);
  stack.stage.region = region;
  stack.stage.regions = {region};
  stack.stackName = stack.project.name + "-" + stack.stage.name;
  stack.projectDir = "/projects/" + stack.project.name;
  return stack;
}

model::Function function(const model::Stack& stack, std::string name, std::string handler) {
  model::Function fn;
  fn.functionName = stack.project.name + "-" + stack.stage.name + "-" + name;
  fn.name = std::move(name);
  const auto dot = handler.rfind('.');
  fn.handlerModule = handler.substr(0, dot);
  fn.handlerExport = handler.substr(dot + 1);
  fn.handler = std::move(handler);
  fn.source = ".";
  fn.runtime = "nodejs22.x";
  fn.runtimeFamily = model::RuntimeFamily::Node;
  fn.architecture = "x86_64";
  fn.memoryMb = 256;
  fn.timeoutSeconds = 10;
  fn.logRetentionDays = 14;
  return fn;
}

model::Route route(HttpMethod method, std::string path, std::string function) {
  model::Route r;
  r.method = method;
  r.path = std::move(path);
  r.operationId = function;
  r.function = std::move(function);
  // Every `{name}` is a required string path parameter unless typed otherwise.
  std::size_t at = 0;
  while ((at = r.path.find('{', at)) != std::string::npos) {
    const auto end = r.path.find('}', at);
    std::string name = r.path.substr(at + 1, end - at - 1);
    if (!name.empty() && name.back() == '+') name.pop_back();
    r.parameters.push_back(param(model::ParamLocation::Path, name, stringSchema()));
    at = end;
  }
  return r;
}

model::Api api(std::string name) {
  model::Api a;
  a.name = std::move(name);
  a.endpoint = "REGIONAL";
  return a;
}

// ---- cases ----
model::Stack todoStack(std::string stage, std::string region) {
  model::Stack stack = baseStack("todo", stage, region);
  stack.project.description = "A todo list service.";
  const Value tableName = str(stage == "prod" ? "todos" : "todos-" + stage);

  model::Function listTodos = function(stack, "listTodos", "src/todos.list");
  listTodos.description = "Lists every todo.";
  listTodos.environment = {{"TABLE", tableName}};
  listTodos.permissions = {allow({"dynamodb:Scan"}, {arn("todos")})};
  model::Function createTodo = function(stack, "createTodo", "src/todos.create");
  createTodo.memoryMb = stage == "prod" ? 512 : 256;
  createTodo.environment = {{"TABLE", tableName}, {"TOKEN", ssm("/todo/" + stage + "/token", true)}};
  createTodo.permissions = {allow({"dynamodb:PutItem"}, {arn("todos")})};
  model::Function getTodo = function(stack, "getTodo", "src/todos.get");
  stack.functions = {listTodos, createTodo, getTodo};

  Schema todoSchema = objectOf({
      field("id", withFormat(stringSchema(), "uuid")),
      field("title", stringSchema()),
      field("done", boolSchema()),
      field("priority", enumOf({"low", "normal", "high"})),
      field("tags", arrayOf(stringSchema()), true),
  });
  todoSchema.fields[1].schema.constraints.minLength = 1;
  todoSchema.fields[1].schema.constraints.maxLength = 200;
  Schema newTodo = objectOf({field("title", stringSchema()), field("priority", enumOf({"low", "normal", "high"}), true)});
  newTodo.fields[0].schema.constraints.minLength = 1;
  stack.types = {named("Todo", todoSchema), named("NewTodo", newTodo), named("Error", objectOf({field("message", stringSchema())}))};

  model::Api todoApi = api("todoApi");
  todoApi.endpoint = "";  // the design's example leaves the default (EDGE)
  todoApi.cors.enabled = true;
  todoApi.cors.origins = {"https://todo.example.com"};
  model::Route listRoute = route(HttpMethod::Get, "/todos", "listTodos");
  listRoute.responses = {returns(200, arrayOf(refSchema("Todo")))};
  listRoute.description = "Lists every todo.";
  model::Route create = route(HttpMethod::Post, "/todos", "createTodo");
  create.body = refSchema("NewTodo");
  create.responses = {returns(201, refSchema("Todo")), returns(400, refSchema("Error"))};
  model::Route get = route(HttpMethod::Get, "/todos/{id}", "getTodo");
  get.parameters[0].schema = withFormat(stringSchema(), "uuid");
  get.responses = {returns(200, refSchema("Todo"))};
  todoApi.routes = {listRoute, create, get};
  stack.apis = {todoApi};

  stack.resources = {resource("todos", "AWS::DynamoDB::Table",
                              {{"TableName", tableName},
                               {"BillingMode", str("PAY_PER_REQUEST")},
                               {"KeySchema", list({object({{"AttributeName", str("id")}, {"KeyType", str("HASH")}})})},
                               {"AttributeDefinitions",
                                list({object({{"AttributeName", str("id")}, {"AttributeType", str("S")}})})}})};
  stack.outputs = {output("apiUrl", deployRef(DeployRef::Kind::ApiUrl, "todoApi"))};
  return stack;
}

model::Stack authStack() {
  model::Stack stack = baseStack("shop", "dev", "us-east-1");
  for (const char* name : {"listItems", "adminReport", "partnerFeed", "myOrders", "poolOrders", "checkout", "webhook",
                           "checkToken", "verifySignature"}) {
    stack.functions.push_back(function(stack, name, std::string("src/shop.") + name));
  }
  model::Api shopApi = api("shopApi");
  shopApi.cors.enabled = true;
  shopApi.cors.origins = {"*"};

  model::Route listItems = route(HttpMethod::Get, "/items", "listItems");
  model::Route admin = route(HttpMethod::Get, "/admin/report", "adminReport");
  admin.auth = authOf(model::AuthKind::Iam);
  model::Route partner = route(HttpMethod::Get, "/partner/feed", "partnerFeed");
  partner.auth = authOf(model::AuthKind::ApiKey);
  model::Route mine = route(HttpMethod::Get, "/orders", "myOrders");
  mine.auth = authOf(model::AuthKind::Cognito);
  mine.auth.cognitoUserPoolArn = str("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123");
  model::Route pool = route(HttpMethod::Get, "/pool/orders", "poolOrders");
  pool.auth = authOf(model::AuthKind::Cognito);
  pool.auth.cognitoUserPoolArn = arn("users");
  model::Route checkout = route(HttpMethod::Post, "/checkout", "checkout");
  checkout.auth = authOf(model::AuthKind::Authorizer);
  checkout.auth.authorizerFunction = "checkToken";
  checkout.body = objectOf({field("cart", stringSchema()), field("coupon", stringSchema(), true)});
  model::Route hook = route(HttpMethod::Post, "/webhook", "webhook");
  hook.auth = authOf(model::AuthKind::Authorizer);
  hook.auth.authorizerFunction = "verifySignature";
  hook.auth.authorizerType = model::AuthorizerType::Request;
  hook.auth.identityHeaders = {"X-Signature", "X-Timestamp"};
  hook.auth.authorizerTtlSeconds = 0;
  shopApi.routes = {listItems, admin, partner, mine, pool, checkout, hook};
  stack.apis = {shopApi};
  stack.resources = {resource("users", "AWS::Cognito::UserPool", {{"UserPoolName", str("shop-dev-users")}})};
  return stack;
}

model::Stack corsOffStack() {
  model::Stack stack = baseStack("files", "dev", "eu-west-1");
  model::Function getFile = function(stack, "getFile", "handlers/files.get_file");
  model::Function proxy = function(stack, "proxy", "handlers/proxy.handle");
  for (auto* fn : {&getFile, &proxy}) {
    fn->runtime = "python3.12";
    fn->runtimeFamily = model::RuntimeFamily::Python;
    fn->architecture = "arm64";
  }
  stack.functions = {getFile, proxy};
  model::Api filesApi = api("filesApi");
  filesApi.validate = false;
  filesApi.binaryMediaTypes = {"application/octet-stream", "image/*"};
  model::Route get = route(HttpMethod::Get, "/files/{key+}", "getFile");
  get.parameters.push_back(param(model::ParamLocation::Query, "version", stringSchema(), false));
  get.parameters.push_back(param(model::ParamLocation::Header, "X-Request-Id", stringSchema()));
  model::Route any = route(HttpMethod::Any, "/proxy/{path+}", "proxy");
  any.deprecated = true;
  model::Route root = route(HttpMethod::Get, "/", "proxy");  // same function: operation IDs get a number
  filesApi.routes = {get, any, root};
  stack.apis = {filesApi};
  return stack;
}

model::Stack corsMultiOriginStack() {
  model::Stack stack = baseStack("web", "dev", "us-west-2");
  for (const char* name : {"listItems", "addItem", "removeItem"}) {
    stack.functions.push_back(function(stack, name, std::string("src/items.") + name));
  }
  model::Api webApi = api("webApi");
  webApi.description = "Items for the two front ends.";
  webApi.cors.enabled = true;
  webApi.cors.origins = {"https://a.example.com", "https://b.example.com"};
  webApi.cors.headers = {"Content-Type", "X-Custom"};
  webApi.cors.credentials = true;
  webApi.cors.maxAgeSeconds = 600;
  webApi.throttle.rateLimit = 100;
  webApi.throttle.burstLimit = 200;
  model::Route listRoute = route(HttpMethod::Get, "/items", "listItems");
  listRoute.parameters.push_back(param(model::ParamLocation::Query, "sort", enumOf({"asc", "desc"}), false));
  Schema limit = intSchema();
  limit.constraints.minimum = 1;
  limit.constraints.maximum = 100;
  listRoute.parameters.push_back(param(model::ParamLocation::Query, "limit", limit, true));
  model::Route add = route(HttpMethod::Post, "/items", "addItem");
  add.body = objectOf({field("name", stringSchema()), field("count", intSchema(), true)});
  add.responses = {returns(201, std::nullopt)};
  model::Route remove = route(HttpMethod::Delete, "/items/{id}", "removeItem");
  remove.responses = {returns(204, std::nullopt)};
  webApi.routes = {listRoute, add, remove};
  stack.apis = {webApi};
  return stack;
}

model::Stack schedulesStack() {
  model::Stack stack = baseStack("jobs", "dev", "us-east-1");
  model::Function cleanup = function(stack, "cleanup", "src/jobs.cleanup");
  cleanup.schedules = {{"rate(1 hour)", {}}, {"cron(0 3 * * ? *)", {}}};
  cleanup.reservedConcurrency = 1;
  cleanup.architecture = "arm64";
  cleanup.timeoutSeconds = 900;
  cleanup.layers = {str("arn:aws:lambda:us-east-1:123456789012:layer:shared:3")};
  cleanup.tags = {{"cost-center", "batch"}};
  model::Function report = function(stack, "report", "src/jobs.report");
  report.schedules = {{"rate(1 day)", {}}};
  report.logRetentionDays.reset();  // never expire
  report.description = "Daily report.";
  stack.functions = {cleanup, report};
  return stack;
}

model::Stack rawResourcesStack() {
  model::Stack stack = baseStack("data", "dev", "us-east-1");
  const Value account = deployRef(DeployRef::Kind::AccountId, "");
  stack.resources = {
      resource("queue", "AWS::SQS::Queue",
               {{"VisibilityTimeout", Value::ofDuration(60'000)}, {"MessageRetentionPeriod", Value::ofDuration(4LL * 86'400'000)}}),
      resource("bucket", "AWS::S3::Bucket", {{"BucketName", concat({str("data-dev-"), account})}}),
      resource("topic", "AWS::SNS::Topic", {}),
      resource("subscription", "AWS::SNS::Subscription",
               {{"TopicArn", deployRef(DeployRef::Kind::ResourceRef, "topic")},
                {"Protocol", str("sqs")},
                {"Endpoint", arn("queue")}}),
      resource("queuePolicy", "AWS::SQS::QueuePolicy",
               {{"Queues", list({deployRef(DeployRef::Kind::ResourceRef, "queue")})},
                {"PolicyDocument",
                 object({{"Version", str("2012-10-17")},
                         {"Statement",
                          list({object({{"Effect", str("Allow")},
                                        {"Principal", object({{"Service", str("sns.amazonaws.com")}})},
                                        {"Action", str("sqs:SendMessage")},
                                        {"Resource", arn("queue")},
                                        {"Condition", object({{"ArnEquals", object({{"aws:SourceArn",
                                                                                      deployRef(DeployRef::Kind::ResourceRef, "topic")}})}})}})})}})}}),
  };
  model::Function processor = function(stack, "processor", "src/process.handler");
  processor.environment = {
      {"BUCKET", deployRef(DeployRef::Kind::ResourceRef, "bucket")},
      {"LIMITS", object({{"maxBytes", Value::ofSize(5LL * 1024 * 1024)}, {"queue", arn("queue")}})},
      {"NOTIFY", deployRef(DeployRef::Kind::FunctionName, "notifier")},
      {"PATTERN", concat({str("${NOT_A_REF}/"), account})},
      {"QUEUE_URL", deployRef(DeployRef::Kind::ResourceRef, "queue")},
      {"RETRIES", Value::ofInt(3)},
      {"VERBOSE", Value::ofBool(false)},
  };
  processor.permissions = {allow({"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"}, {arn("queue")}),
                           allow({"s3:PutObject"}, {concat({arn("bucket"), str("/*")})}),
                           allow({"lambda:InvokeFunction"}, {deployRef(DeployRef::Kind::FunctionArn, "notifier")})};
  model::Function notifier = function(stack, "notifier", "src/notify.handler");
  stack.functions = {processor, notifier};
  stack.outputs = {output("queueUrl", deployRef(DeployRef::Kind::ResourceRef, "queue"), "data-dev-queue-url"),
                   output("bucketArn", arn("bucket")),
                   output("processorArn", deployRef(DeployRef::Kind::FunctionArn, "processor"), "data-dev-processor-arn")};
  stack.outputs[1].description = "The data bucket.";
  return stack;
}

model::Stack secureParamsStack() {
  model::Stack stack = baseStack("vault", "dev", "us-east-1");
  model::Function reader = function(stack, "reader", "src/reader.handler");
  reader.environment = {
      {"API_KEY", secret("vault/dev/api", "key", true)},
      {"DB_HOST", ssm("/vault/dev/db-host")},
      {"DB_PASSWORD", ssm("/vault/dev/db-password", true)},
      {"SIGNING_KEY", ssm("vault.dev.signing", true)},
  };
  stack.functions = {reader};
  stack.resources = {resource("db", "AWS::RDS::DBInstance",
                              {{"Engine", str("postgres")},
                               {"DBInstanceClass", str("db.t3.micro")},
                               {"AllocatedStorage", str("20")},
                               {"MasterUsername", secret("vault/dev/db", "username")},
                               {"MasterUserPassword", ssm("/vault/dev/db-password", true)}})};
  return stack;
}

std::vector<model::Stack> multiRegionStacks() {
  std::vector<model::Stack> stacks;
  stacks.push_back(todoStack("dev", "us-east-1"));
  for (const char* region : {"us-east-1", "eu-west-1"}) {
    model::Stack prod = todoStack("prod", region);
    prod.stage.account = "123456789012";
    prod.stage.protect = true;
    prod.stage.regions = {"us-east-1", "eu-west-1"};
    prod.project.tags["stage"] = "prod";
    stacks.push_back(std::move(prod));
  }
  return stacks;
}

model::Stack samCompareStack() {
  model::Stack stack = baseStack("hello", "dev", "us-east-1");
  stack.project.tags.clear();
  model::Function hello = function(stack, "hello", "src/hello.handler");
  stack.functions = {hello};
  model::Api helloApi = api("helloApi");
  helloApi.routes = {route(HttpMethod::Get, "/hello/{name}", "hello")};
  stack.apis = {helloApi};
  return stack;
}

// ---- golden files ----
std::vector<std::pair<std::string, std::string>> goldenArtifacts(const std::vector<model::Stack>& stacks) {
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<emit::Json> templates;
  templates.reserve(stacks.size());
  std::vector<emit::ManifestStack> manifest;
  for (const auto& stack : stacks) {
    const std::string dir = stack.stage.name + "/" + stack.stage.region + "/";
    templates.push_back(emit::emitCloudFormation(stack, kGoldenCodeKeys));
    files.emplace_back(dir + "template.json", emit::serializeJson(templates.back()));
    files.emplace_back(dir + "template.yaml", emit::emitYaml(templates.back()));
    for (const auto& document : emit::stackApiDocuments(stack)) {
      files.emplace_back(dir + document.file, emit::serializeJson(document.document));
    }
  }
  for (std::size_t i = 0; i < stacks.size(); ++i) {
    manifest.push_back({&stacks[i], &templates[i], stacks[i].stage.name + "/" + stacks[i].stage.region + "/template.json"});
  }
  for (const auto& api : stacks.front().apis) {
    files.emplace_back(emit::apiOpenApiFile(api), emit::serializeJson(emit::emitOpenApi(stacks.front(), api)));
  }
  const std::string key = kGoldenCodeKeys.at(".");
  files.emplace_back("manifest.json",
                     emit::serializeJson(emit::emitManifest(stacks.front().project.name, manifest, {{".", key, "artifacts/" + key}})));
  return files;
}

std::string checkGolden(const std::string& relativePath, const std::string& actual) {
  const std::filesystem::path path = std::filesystem::path(JAWS_SOURCE_DIR) / "tests/emit/golden" / relativePath;
  const char* update = std::getenv("JAWS_UPDATE_BASELINES");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return "";
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return "missing golden " + path.string() + " (run with JAWS_UPDATE_BASELINES=1)";
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string expected = buffer.str();
  if (expected == actual) return "";
  std::istringstream a(expected), b(actual);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool ga = static_cast<bool>(std::getline(a, la));
    const bool gb = static_cast<bool>(std::getline(b, lb));
    if (!ga && !gb) break;
    if (!ga || !gb || la != lb) {
      return relativePath + ":" + std::to_string(line) + " differs\n  golden: " + (ga ? la : "<end>") +
             "\n  actual: " + (gb ? lb : "<end>") + "\n(JAWS_UPDATE_BASELINES=1 rewrites the goldens)";
    }
  }
  return relativePath + " differs";
}

}  // namespace jaws::emit_test
