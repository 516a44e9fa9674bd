#pragma once
// The evaluated program for one (stage, region): plain structs that the
// emitters (CloudFormation, Swagger, OpenAPI, manifest) and the stub generator
// read. Everything here is resolved: defaults applied, params substituted,
// `stage` and `region` known. Built by sema's evaluator; emitters never see the
// AST.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/Events.h"
#include "model/Schema.h"
#include "model/Splitting.h"
#include "model/Value.h"

namespace jaws::model {

enum class HttpMethod : std::uint8_t { Get, Post, Put, Patch, Delete, Head, Options, Any };
const char* httpMethodName(HttpMethod method);  // "GET", ..., "ANY"

enum class RuntimeFamily : std::uint8_t { Node, Python, Other };

struct Project {
  std::string name;
  std::string description;
  std::string version;
  std::map<std::string, std::string> tags;  // project tags merged with stage tags
  friend bool operator==(const Project&, const Project&) = default;
};

struct Stage {
  std::string name;
  std::string region;
  std::optional<std::string> account;  // literal account id when the stage sets one
  bool protect = false;                // termination protection
  std::vector<std::string> regions;    // every region of the stage
  friend bool operator==(const Stage&, const Stage&) = default;
};

struct Permission {
  std::vector<std::string> actions;  // "dynamodb:PutItem"
  std::vector<Value> resources;      // literal ARNs or deploy-time references
  SourceSpan span;
  friend bool operator==(const Permission&, const Permission&) = default;
};

struct Schedule {
  std::string expression;  // "rate(5 minutes)" or "cron(0 12 * * ? *)"
  SourceSpan span;
  friend bool operator==(const Schedule&, const Schedule&) = default;
};

struct Cors {
  bool enabled = false;
  std::vector<std::string> origins;  // "*" when CORS is `true`
  std::vector<std::string> headers;
  bool credentials = false;
  std::optional<std::int64_t> maxAgeSeconds;
  friend bool operator==(const Cors&, const Cors&) = default;
};

// A function URL (`url = true` or `url = { auth, cors, stream }`, issue 11):
// an AWS::Lambda::Url, public (`auth = "none"`, the default) or signed
// with SigV4 (`"iam"`), buffered or streaming its response.
struct FunctionUrl {
  bool iam = false;     // AuthType AWS_IAM; else NONE (public)
  Cors cors;            // enabled when `cors` is set
  bool stream = false;  // InvokeMode RESPONSE_STREAM; else BUFFERED
  SourceSpan span;      // the `url` attribute's value
  friend bool operator==(const FunctionUrl&, const FunctionUrl&) = default;
};

// Added (issue 12): the options of design §14. `name` is Function::functionName.
struct AsyncInvoke {
  std::optional<std::int64_t> retries;
  std::optional<std::int64_t> maxAgeMs;
  SourceSpan maxAgeSpan;
  std::optional<EventTarget> onSuccess, onFailure;  // a queue, topic, function or event bus
  SourceSpan span;
  friend bool operator==(const AsyncInvoke&, const AsyncInvoke&) = default;
};

struct FunctionOptions {
  std::string tracing;                        // "active" | "passthrough"; empty: not set
  std::vector<Value> subnets, securityGroups;  // `vpc`; empty: not in a VPC
  std::optional<std::int64_t> storageBytes;    // `storage`: ephemeral /tmp
  SourceSpan storageSpan;
  std::optional<EventTarget> deadLetter;       // a queue or topic
  std::optional<AsyncInvoke> async;
  std::optional<Value> role;                   // an existing role's ARN: no role is generated
  SourceSpan roleSpan;
  SourceSpan nameSpan;                         // where `name` is written; invalid when it is not
  friend bool operator==(const FunctionOptions&, const FunctionOptions&) = default;
};

struct Function {
  std::string name;          // the declaration name: listTodos
  std::string functionName;  // <project>-<stage>-<name>
  std::string description;
  std::string handler;        // as written: "src/todos.list"
  std::string handlerModule;  // "src/todos" (relative to source)
  std::string handlerExport;  // "list"
  std::string source;         // code folder relative to the project folder, "." by default
  SourceSpan sourceSpan;      // where `source` is written; the function's name when it is not
  std::string runtime;        // "nodejs22.x"
  RuntimeFamily runtimeFamily = RuntimeFamily::Other;
  std::string architecture;   // "x86_64" | "arm64"
  std::int64_t memoryMb = 128;
  std::int64_t timeoutSeconds = 3;
  std::vector<std::pair<std::string, Value>> environment;  // sorted by name
  std::vector<Permission> permissions;
  std::optional<std::int64_t> reservedConcurrency;
  std::optional<std::int64_t> logRetentionDays;
  std::map<std::string, std::string> tags;
  std::vector<Schedule> schedules;
  std::vector<Value> layers;  // layer ARNs
  SourceSpan span;
  SharedPart<const FunctionUrl> url;  // added (issue 11): `url`; null without one
  std::vector<Event> events;  // `events`: what else invokes it, in the order written (model/Events.h)
  FunctionOptions options;    // added (issue 12): tracing, vpc, storage, deadLetter, async, role
  friend bool operator==(const Function&, const Function&) = default;
};

enum class AuthKind : std::uint8_t { None, Iam, ApiKey, Cognito, Authorizer, Jwt };

// A JWT authorizer's issuer (Jwt; a Cognito pool's issuer is derived from
// its ARN), the audiences a token may be for (Jwt, and Cognito on an HTTP
// API), and the scopes a route requires (issue 11).
struct JwtSettings {
  Value issuer;
  std::vector<Value> audience;
  std::vector<std::string> scopes;
  friend bool operator==(const JwtSettings&, const JwtSettings&) = default;
};

// Added for the emitters (issue 4): how API Gateway calls a Lambda authorizer.
// The defaults are what `authorizer(fn)` means today: a TOKEN authorizer reading
// the Authorization header, API Gateway's default cache of 300 s.
enum class AuthorizerType : std::uint8_t { Token, Request };

struct Auth {
  AuthKind kind = AuthKind::None;
  Value cognitoUserPoolArn;       // Cognito
  std::string authorizerFunction;  // Authorizer: the function's declaration name
  SourceSpan span;
  // Added (issue 4, emitters), Authorizer only: TOKEN or REQUEST, the request
  // headers that carry the identity (TOKEN: exactly one), and the result cache
  // time (none: API Gateway's default, 300 s; 0 disables caching).
  AuthorizerType authorizerType = AuthorizerType::Token;
  std::vector<std::string> identityHeaders = {"Authorization"};
  std::optional<std::int64_t> authorizerTtlSeconds;
  // Added (issue 11, HTTP APIs): the JWT side (Jwt, Cognito); shared by
  // the routes that inherit the API's auth, and null for every other kind,
  // so a route stays small.
  SharedPart<const JwtSettings> jwtSettings;
  const JwtSettings& jwt() const;  // an empty one when null
  friend bool operator==(const Auth&, const Auth&) = default;
};

enum class ParamLocation : std::uint8_t { Path, Query, Header };

struct RouteParameter {
  ParamLocation where = ParamLocation::Path;
  std::string name;
  bool required = true;
  Schema schema;
  std::string description;
  friend bool operator==(const RouteParameter&, const RouteParameter&) = default;
};

struct Response {
  int status = 200;
  std::optional<Schema> schema;  // none: no body
  std::string description;
  friend bool operator==(const Response&, const Response&) = default;
};

struct Route {
  HttpMethod method = HttpMethod::Get;
  std::string path;  // "/todos/{id}"
  std::string function;  // the target function's declaration name
  std::vector<RouteParameter> parameters;  // path parameters first, in path order
  std::optional<Schema> body;
  std::vector<Response> responses;  // sorted by status
  Auth auth;                         // effective: the route's, else the API's
  std::string operationId;           // explicit, or derived from the function name
  std::string description;
  SourceSpan span;
  bool deprecated = false;  // added (issue 4, emitters): `@deprecated` on the route
  friend bool operator==(const Route&, const Route&) = default;
};

struct Throttle {
  std::optional<double> rateLimit;
  std::optional<std::int64_t> burstLimit;
  friend bool operator==(const Throttle&, const Throttle&) = default;
};

// Added (issue 11): `kind = "rest"` (API Gateway v1, the default) or
// `"http"` (an HTTP API, API Gateway v2).
enum class ApiKind : std::uint8_t { Rest, Http };

struct Api {
  std::string name;
  ApiKind kind = ApiKind::Rest;
  std::string description;
  Cors cors;
  Auth auth;              // the default for routes
  std::string endpoint;   // "REGIONAL" | "EDGE" | "PRIVATE"
  bool validate = true;   // request validators
  std::vector<std::string> binaryMediaTypes;
  Throttle throttle;
  std::vector<Route> routes;  // in source order
  SourceSpan span;
  friend bool operator==(const Api&, const Api&) = default;
};

// A declaration a resource waits for (`@dependsOn`): its DependsOn names the
// function's Lambda function, the api's stage or the resource.
struct Dependency {
  enum class Kind : std::uint8_t { Resource, Function, Api };
  Kind kind = Kind::Resource;
  std::string name;
  SourceSpan span;
  friend bool operator==(const Dependency&, const Dependency&) = default;
};

struct Resource {
  std::string name;
  std::string type;  // "AWS::DynamoDB::Table"
  std::vector<std::pair<std::string, Value>> properties;  // as written
  SourceSpan span;
  // The resource's ARN as `res.arn` gives it (sema/ResourceMembers.h): an
  // Fn::GetAtt, its Ref or a built Fn::Sub; Null when the type has none.
  Value arn;
  // Resource options (`@retain`, `@deletionPolicy`, `@updateReplacePolicy`):
  // empty when not set; checked against stdlib/resourceoptions.jaws.
  std::string deletionPolicy, updateReplacePolicy;
  SourceSpan deletionPolicySpan, updateReplacePolicySpan;
  std::vector<Dependency> dependsOn;  // in the order written, without repeats
  friend bool operator==(const Resource&, const Resource&) = default;
};

struct Output {
  std::string name;
  Value value;
  std::optional<std::string> exportName;
  std::string description;
  SourceSpan span;
  friend bool operator==(const Output&, const Output&) = default;
};

// One stack: the program evaluated for one (stage, region). (A new field is
// also copied in emit::TemplateReuse::keepStack.)
struct Stack {
  Project project;
  Stage stage;
  std::string stackName;  // <project>-<stage>
  std::vector<Function> functions;  // in declaration order
  std::vector<Api> apis;
  std::vector<Resource> resources;
  std::vector<Output> outputs;
  std::vector<NamedSchema> types;  // every `type` declaration
  std::string projectDir;          // absolute folder of the project (handler and source paths are relative to it)
  Splitting splitting;             // when and how the template is split (the project's `split`, stdlib data)
  friend bool operator==(const Stack&, const Stack&) = default;
};

}  // namespace jaws::model
