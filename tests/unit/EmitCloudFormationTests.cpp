// Focused properties of the CloudFormation template (the goldens show whole
// templates; these pin the rules one at a time).
#include <catch2/catch.hpp>

#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/CfnValues.h"
#include "emit/cloudformation/CloudFormationEmitter.h"
#include "emit/ManifestEmitter.h"
#include "emit/StackFixtures.h"
#include "emit/split/StackSplitter.h"

using namespace jaws;
using namespace jaws::emit_test;
using emit::Json;
using model::DeployRef;
using model::HttpMethod;
using model::Value;

namespace {

const std::map<std::string, std::string> kEmitCodeKeys = {{".", "abc.zip"}};

Json resourcesOf(const model::Stack& stack) { return emit::emitCloudFormation(stack, kEmitCodeKeys)["Resources"]; }

std::string sourceArn(const Json& permission) { return permission["Properties"]["SourceArn"]["Fn::Sub"].get<std::string>(); }

model::Stack oneRouteStack(HttpMethod method, const std::string& path) {
  model::Stack stack = baseStack("p", "dev", "us-east-1");
  stack.functions = {function(stack, "handler", "src/app.handler")};
  model::Api a = api("api");
  a.routes = {route(method, path, "handler")};
  stack.apis = {a};
  return stack;
}

}  // namespace

TEST_CASE("route permissions are scoped to the API, method and path", "[emit][cfn]") {
  const std::string prefix = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ApiRestApi}/*/";
  CHECK(sourceArn(resourcesOf(oneRouteStack(HttpMethod::Get, "/todos/{id}"))["ApiGetTodosIdPermission"]) == prefix + "GET/todos/*");
  CHECK(sourceArn(resourcesOf(oneRouteStack(HttpMethod::Get, "/"))["ApiGetRootPermission"]) == prefix + "GET/");
  CHECK(sourceArn(resourcesOf(oneRouteStack(HttpMethod::Delete, "/a/{id}/b"))["ApiDeleteAIdBPermission"]) == prefix + "DELETE/a/*/b");
  CHECK(sourceArn(resourcesOf(oneRouteStack(HttpMethod::Any, "/files/{key+}"))["ApiAnyFilesKeyPermission"]) == prefix + "*/files/*");
}

TEST_CASE("permission IDs of colliding routes are numbered in route order", "[emit][cfn]") {
  model::Api a = api("api");
  a.routes = {route(HttpMethod::Get, "/todos/{id}", "f"), route(HttpMethod::Get, "/todos/id", "f"),
              route(HttpMethod::Get, "/todos/id2", "f"), route(HttpMethod::Get, "/to-dos/id", "f")};
  CHECK(emit::names::routePermissions(a) == std::vector<std::string>{"ApiGetTodosIdPermission", "ApiGetTodosId2Permission",
                                                                     "ApiGetTodosId22Permission", "ApiGetToDosIdPermission"});
}

TEST_CASE("the deployment ID follows the body: same body, same ID; changed body, new ID", "[emit][cfn]") {
  auto deploymentIds = [](const model::Stack& stack) {
    std::vector<std::string> ids;
    const Json resources = resourcesOf(stack);
    for (const auto& [id, resource] : resources.items()) {
      if (resource["Type"] == "AWS::ApiGateway::Deployment") ids.push_back(id);
    }
    return ids;
  };
  const auto base = deploymentIds(todoStack());
  REQUIRE(base.size() == 1);
  CHECK(base.front().rfind("TodoApiDeployment", 0) == 0);
  CHECK(base.front().size() == std::string("TodoApiDeployment").size() + 10);
  CHECK(deploymentIds(todoStack()) == base);

  auto changed = todoStack();
  changed.apis[0].routes[0].description = "Lists them all.";
  CHECK(deploymentIds(changed) != base);
  // The stage refers to the current deployment.
  CHECK(resourcesOf(changed)["TodoApiStage"]["Properties"]["DeploymentId"]["Ref"] == deploymentIds(changed).front());

  auto memoryOnly = todoStack();  // not part of the API: no redeployment
  memoryOnly.functions[0].memoryMb = 2048;
  CHECK(deploymentIds(memoryOnly) == base);
}

TEST_CASE("functions: names, handler, code, role and log group", "[emit][cfn]") {
  const auto resources = resourcesOf(corsOffStack());
  const auto& fn = resources["GetFileFunction"];
  CHECK(fn["DependsOn"] == "GetFileLogGroup");
  CHECK(fn["Properties"]["FunctionName"] == "files-dev-getFile");
  CHECK(fn["Properties"]["Handler"] == "handlers/files.get_file");  // Python: module path with '/', then the function
  CHECK(fn["Properties"]["Runtime"] == "python3.12");
  CHECK(fn["Properties"]["Architectures"] == Json::array({"arm64"}));
  CHECK(fn["Properties"]["Code"]["S3Key"]["Ref"] == "CodeKey");
  CHECK(fn["Properties"]["Role"]["Fn::GetAtt"] == Json::array({"GetFileRole", "Arn"}));
  CHECK(resources["GetFileLogGroup"]["Properties"]["LogGroupName"] == "/aws/lambda/files-dev-getFile");
  CHECK(resources["GetFileLogGroup"]["Properties"]["RetentionInDays"] == 14);
  const auto& statements = resources["GetFileRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"];
  REQUIRE(statements.size() == 1);  // only its own log group
  CHECK(statements[0]["Resource"]["Fn::GetAtt"] == Json::array({"GetFileLogGroup", "Arn"}));
  CHECK(statements[0]["Action"] == Json::array({"logs:CreateLogStream", "logs:PutLogEvents"}));
}

TEST_CASE("schedules: a rule and a permission each", "[emit][cfn]") {
  const auto resources = resourcesOf(schedulesStack());
  CHECK(resources["CleanupScheduleRule"]["Properties"]["ScheduleExpression"] == "rate(1 hour)");
  CHECK(resources["CleanupSchedule2Rule"]["Properties"]["ScheduleExpression"] == "cron(0 3 * * ? *)");
  CHECK(resources["CleanupSchedule2Permission"]["Properties"]["SourceArn"]["Fn::GetAtt"] ==
        Json::array({"CleanupSchedule2Rule", "Arn"}));
  CHECK(resources["CleanupSchedule2Permission"]["Properties"]["Principal"] == "events.amazonaws.com");
  CHECK(resources["CleanupFunction"]["Properties"]["ReservedConcurrentExecutions"] == 1);
  CHECK(!resources["ReportLogGroup"]["Properties"].contains("RetentionInDays"));
  CHECK(resources["CleanupFunction"]["Properties"]["Tags"] ==
        Json::parse(R"([{"Key":"cost-center","Value":"batch"},{"Key":"team","Value":"platform"}])"));
}

TEST_CASE("deploy-time values become intrinsics and dynamic references", "[emit][cfn]") {
  const model::Stack stack = todoStack();
  CHECK(emit::cfnValue(deployRef(DeployRef::Kind::FunctionArn, "listTodos"), stack) ==
        Json::parse(R"({"Fn::GetAtt":["ListTodosFunction","Arn"]})"));
  CHECK(emit::cfnValue(deployRef(DeployRef::Kind::FunctionName, "listTodos"), stack) == Json::parse(R"({"Ref":"ListTodosFunction"})"));
  CHECK(emit::cfnValue(deployRef(DeployRef::Kind::ApiId, "todoApi"), stack) == Json::parse(R"({"Ref":"TodoApiRestApi"})"));
  CHECK(emit::cfnValue(deployRef(DeployRef::Kind::ResourceRef, "todos"), stack) == Json::parse(R"({"Ref":"Todos"})"));
  CHECK(emit::cfnValue(deployRef(DeployRef::Kind::ResourceAttr, "todos", "StreamArn"), stack) ==
        Json::parse(R"({"Fn::GetAtt":["Todos","StreamArn"]})"));
  CHECK(emit::cfnValue(deployRef(DeployRef::Kind::AccountId, ""), stack) == Json::parse(R"({"Ref":"AWS::AccountId"})"));
  CHECK(emit::cfnValue(deployRef(DeployRef::Kind::ApiUrl, "todoApi"), stack) ==
        Json::parse(R"({"Fn::Sub":"https://${TodoApiRestApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/dev"})"));
  CHECK(emit::cfnValue(ssm("/a/b"), stack) == "{{resolve:ssm:/a/b}}");
  CHECK(emit::cfnValue(ssm("/a/b", true), stack) == "{{resolve:ssm-secure:/a/b}}");
  CHECK(emit::cfnValue(secret("db"), stack) == "{{resolve:secretsmanager:db}}");
  CHECK(emit::cfnValue(secret("db", "password"), stack) == "{{resolve:secretsmanager:db:SecretString:password}}");
  // Concatenations: Fn::Sub only when a resource is referred to; `${` in text is escaped.
  CHECK(emit::cfnValue(concat({str("x-"), ssm("/p")}), stack) == "x-{{resolve:ssm:/p}}");
  CHECK(emit::cfnValue(concat({str("${HOME}/"), deployRef(DeployRef::Kind::ResourceAttr, "todos", "Arn")}), stack) ==
        Json::parse(R"({"Fn::Sub":"${!HOME}/${Todos.Arn}"})"));
}

TEST_CASE("sizes are megabytes and durations seconds; env values are strings", "[emit][cfn]") {
  const model::Stack stack = todoStack();
  CHECK(emit::cfnValue(Value::ofSize(512LL * 1024 * 1024), stack) == 512);
  CHECK(emit::cfnValue(Value::ofSize(512 * 1024), stack) == 0.5);
  CHECK(emit::cfnValue(Value::ofDuration(90'000), stack) == 90);
  CHECK(emit::cfnValue(Value::ofDuration(100), stack) == 0.1);
  CHECK(emit::cfnString(Value::ofInt(3), stack) == "3");
  CHECK(emit::cfnString(Value::ofBool(true), stack) == "true");
  CHECK(emit::cfnString(Value::ofDuration(1500), stack) == "1.5");
  CHECK(emit::cfnString(Value::list({str("a"), Value::ofInt(1)}), stack) == R"(["a",1])");
}

TEST_CASE("a @secure SSM value in an environment is passed by name with read access", "[emit][cfn]") {
  const auto resources = resourcesOf(todoStack());
  const auto& variables = resources["CreateTodoFunction"]["Properties"]["Environment"]["Variables"];
  CHECK(!variables.contains("TOKEN"));
  CHECK(variables["TOKEN_SSM_PARAMETER"] == "/todo/dev/token");
  const auto& statements = resources["CreateTodoRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"];
  CHECK(statements.back() == Json::parse(R"({"Effect":"Allow","Action":["ssm:GetParameter"],"Resource":[{"Fn::Sub":
        "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/todo/dev/token"}]})"));
  // No secure value appears as text anywhere in the template.
  CHECK(emit::serializeJson(emit::emitCloudFormation(todoStack(), kEmitCodeKeys)).find("ssm-secure") == std::string::npos);
  CHECK(emit::containsSecureSsm(concat({str("Bearer "), ssm("/t", true)})));
  CHECK(!emit::containsSecureSsm(concat({str("Bearer "), ssm("/t")})));
}

TEST_CASE("code parameters: one key per source folder, defaults from the packager", "[emit][cfn]") {
  model::Stack stack = baseStack("p", "dev", "us-east-1");
  stack.functions = {function(stack, "a", "src/a.h"), function(stack, "b", "src/b.h")};
  stack.functions[1].source = "services/users";
  const auto tmpl = emit::emitCloudFormation(stack, {{".", "root.zip"}});
  CHECK(tmpl["Parameters"]["CodeKey"]["Default"] == "root.zip");
  CHECK(!tmpl["Parameters"]["CodeKeyServicesUsers"].contains("Default"));  // no package given: deploy must set it
  CHECK(tmpl["Resources"]["BFunction"]["Properties"]["Code"]["S3Key"]["Ref"] == "CodeKeyServicesUsers");
  CHECK(!tmpl["Parameters"]["CodeBucket"].contains("Default"));

  model::Stack noFunctions = baseStack("p", "dev", "us-east-1");
  CHECK(!emit::emitCloudFormation(noFunctions, {})["Parameters"].is_object());  // unused parameters would be a lint warning
}

TEST_CASE("stage throttling becomes method settings", "[emit][cfn]") {
  const auto stage = resourcesOf(corsMultiOriginStack())["WebApiStage"]["Properties"];
  CHECK(stage["StageName"] == "dev");
  CHECK(stage["MethodSettings"] ==
        Json::parse(R"([{"HttpMethod":"*","ResourcePath":"/*","ThrottlingBurstLimit":200,"ThrottlingRateLimit":100.0}])"));
}

TEST_CASE("capabilities follow the IAM resources of the template", "[emit][manifest]") {
  CHECK(emit::requiredCapabilities(emit::emitCloudFormation(todoStack(), kEmitCodeKeys)) == std::vector<std::string>{"CAPABILITY_IAM"});
  CHECK(emit::requiredCapabilities(Json::parse(R"({"Resources":{"Q":{"Type":"AWS::SQS::Queue"}}})")).empty());
  CHECK(emit::requiredCapabilities(Json::parse(R"({"Resources":{"R":{"Type":"AWS::IAM::Role","Properties":{"RoleName":"x"}}}})")) ==
        std::vector<std::string>{"CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"});
}

TEST_CASE("manifest: parameters, capabilities, protection, sorted stacks", "[emit][manifest]") {
  auto stacks = multiRegionStacks();
  std::vector<Json> templates;
  for (const auto& s : stacks) templates.push_back(emit::emitCloudFormation(s, kEmitCodeKeys));
  const Json manifest = emit::emitManifest("todo",
                                           {{&stacks[2], &templates[2], "prod/eu-west-1/template.json"},
                                            {&stacks[0], &templates[0], "dev/us-east-1/template.json"},
                                            {&stacks[1], &templates[1], "prod/us-east-1/template.json"}},
                                           {});
  REQUIRE(manifest["stacks"].size() == 3);
  CHECK(manifest["stacks"][0]["stage"] == "dev");
  CHECK(manifest["stacks"][1]["region"] == "eu-west-1");
  CHECK(manifest["stacks"][2]["region"] == "us-east-1");
  CHECK(manifest["stacks"][1]["stackName"] == "todo-prod");
  CHECK(manifest["stacks"][1]["terminationProtection"] == true);
  CHECK(manifest["stacks"][0]["terminationProtection"] == false);
  CHECK(manifest["stacks"][1]["account"] == "123456789012");
  CHECK(manifest["stacks"][0]["parameters"] == Json::parse(R"({"CodeKey":"abc.zip"})"));
  CHECK(manifest["stacks"][0]["requiredParameters"] == Json::array({"CodeBucket"}));
  CHECK(manifest["stacks"][0]["capabilities"] == Json::array({"CAPABILITY_IAM"}));
}

TEST_CASE("the template budget counts resources and serialized bytes", "[emit][budget]") {
  const auto tmpl = emit::emitCloudFormation(todoStack(), kEmitCodeKeys);
  const std::string text = emit::serializeJson(tmpl);
  const auto budget = emit::split::countTemplate(tmpl, text);
  CHECK(budget.resources == tmpl["Resources"].size());
  CHECK(budget.parameters == tmpl["Parameters"].size());
  CHECK(budget.outputs == tmpl["Outputs"].size());
  CHECK(budget.bytes == text.size());

  model::Stack big = baseStack("big", "dev", "us-east-1");
  for (int i = 0; i < 167; ++i) big.functions.push_back(function(big, "f" + std::to_string(i), "src/f.h"));
  const auto bigTemplate = emit::emitCloudFormation(big, kEmitCodeKeys);
  CHECK(emit::split::countTemplate(bigTemplate, "").resources == 501);  // function, role, log group each
}

TEST_CASE("an API without routes is created but not deployed", "[emit][cfn]") {
  model::Stack stack = baseStack("p", "dev", "us-east-1");
  stack.apis = {api("empty")};
  const auto resources = resourcesOf(stack);
  CHECK(resources.contains("EmptyRestApi"));
  CHECK(resources.size() == 1);  // a deployment of an API without methods fails
}
