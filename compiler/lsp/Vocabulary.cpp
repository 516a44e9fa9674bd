#include "lsp/Vocabulary.h"

#include <algorithm>

namespace jaws::lsp {

namespace {

constexpr std::string_view kReserved[] = {"import", "project", "param",    "let",  "stage", "type", "function",
                                          "api",    "resource", "output", "true", "false", "null"};
constexpr std::string_view kRouteItems[] = {"body", "returns", "path", "query", "header"};
constexpr std::string_view kMethods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"};

constexpr WordDoc kBuiltins[] = {
    {"stage", "stage", "The name of the stage being evaluated; its type is the union of the declared stage names."},
    {"region", "region", "The region being evaluated: each stage is evaluated once per region it deploys to."},
    {"project", "project", "The evaluated project block, with the schema's defaults applied (`project.memory`)."},
    {"account", "account", "The AWS account id, known when CloudFormation deploys."},
    {"ssm", "ssm(name)", "The value of an SSM parameter, resolved when CloudFormation deploys."},
    {"secret", "secret(name[, jsonKey])", "A Secrets Manager secret (or one JSON key of it), resolved when CloudFormation deploys."},
    {"allow", "allow(actions, resources)", "One IAM statement allowing `actions` (\"service:Action\") on `resources`."},
    {"join", "join(separator, list)", "The strings of a list joined with a separator."},
    {"cognito", "cognito(userPoolArn[, { audience, scopes }])",
     "Authorizes requests with an Amazon Cognito user pool; on an HTTP API, a JWT authorizer for the `audience` app clients."},
    {"authorizer", "authorizer(function)", "Authorizes requests with a Lambda authorizer function."},
    {"jwt", "jwt({ issuer, audience, scopes? })",
     "Authorizes HTTP API requests with a JSON Web Token from `issuer` (an https URL) for one of the `audience`s."},
};

constexpr WordDoc kPrimitives[] = {
    {"string", "string", "Text."},
    {"int", "int", "A whole number."},
    {"number", "number", "A number, whole or decimal."},
    {"bool", "bool", "`true` or `false`."},
    {"size", "size", "An amount of memory or storage: `128KB`, `256MB`, `1GB` (binary units)."},
    {"duration", "duration", "A length of time: `100ms`, `10s`, `5m`, `1h`, `14d`."},
    {"any", "any", "Any value."},
    {"null", "null", "The null value."},
    {"map", "map<T>", "An object with string keys and values of type `T`."},
};

constexpr WordDoc kFunctionMembers[] = {
    {"arn", "fn.arn", "The function's ARN, known when CloudFormation deploys."},
    {"name", "fn.name", "The function's name (its `name`, else `<project>-<stage>-<function>`), known when CloudFormation deploys."},
    {"url", "fn.url", "The address of the function's URL (a function with `url`), known when CloudFormation deploys."},
    {"role", "fn.role", "The ARN of the function's role: the one it gives in `role`, else the one Jaws generates."},
};
constexpr WordDoc kApiMembers[] = {
    {"url", "api.url", "The invoke URL of the API's stage, known when CloudFormation deploys."},
    {"id", "api.id", "The API's id (REST or HTTP), known when CloudFormation deploys."},
};
constexpr WordDoc kResourceMembers[] = {
    {"arn", "res.arn",
     "The resource's ARN, however its type returns it (Fn::GetAtt Arn, Ref for an SNS topic, or an ARN built from "
     "its Ref), known when CloudFormation deploys."},
    {"ref", "res.ref", "What CloudFormation's Ref returns for the resource, known when it deploys."},
};

constexpr WordDoc kDecorators[] = {
    {"minLength", "@minLength(n)", "The shortest string allowed (fields, params, route items)."},
    {"maxLength", "@maxLength(n)", "The longest string allowed (fields, params, route items)."},
    {"pattern", "@pattern(\"regex\")", "A regular expression the string must match (ECMAScript syntax)."},
    {"format", "@format(\"name\")", "A JSON Schema format: \"uuid\", \"date-time\", \"email\", ..."},
    {"min", "@min(x)", "The smallest number, size or duration allowed."},
    {"max", "@max(x)", "The largest number, size or duration allowed."},
    {"minItems", "@minItems(n)", "The fewest list items allowed."},
    {"maxItems", "@maxItems(n)", "The most list items allowed."},
    {"example", "@example(value)", "An example value, shown in the API documents."},
    {"description", "@description(\"text\")", "What it is; a `///` comment says the same."},
    {"deprecated", "@deprecated", "Marks it deprecated (in the API documents too)."},
    {"secure", "@secure", "A param whose value is a secret: an SSM SecureString, never written as plain text."},
    {"export", "@export / @export(\"name\")", "Exports the output, under `<stack>-<output>` or the name given."},
    {"when", "@when(condition)",
     "The function, resource, api, output or route exists only in the stages and regions where the condition is true."},
    {"retain", "@retain", "Keeps the resource when the stack is deleted or the resource replaced (DeletionPolicy and UpdateReplacePolicy Retain)."},
    {"deletionPolicy", "@deletionPolicy(\"Retain\")",
     "What CloudFormation does with the resource when the stack is deleted: Delete, Retain, RetainExceptOnCreate or Snapshot."},
    {"updateReplacePolicy", "@updateReplacePolicy(\"Retain\")",
     "What CloudFormation does with the old resource when a change replaces it: Delete, Retain or Snapshot."},
    {"dependsOn", "@dependsOn(a, b)", "Creates the resource after these resources, functions or apis (DependsOn)."},
};

constexpr std::string_view kJwtSet[] = {"kind"};
constexpr std::string_view kCognitoSet[] = {"kind", "userPoolArn"};
constexpr BuiltinOptions kBuiltinOptions[] = {
    {"jwt", "JwtAuth", kJwtSet},
    {"cognito", "CognitoAuth", kCognitoSet},
};

const WordDoc* find(std::span<const WordDoc> list, std::string_view word) {
  auto it = std::find_if(list.begin(), list.end(), [&](const WordDoc& d) { return d.word == word; });
  return it == list.end() ? nullptr : &*it;
}

}  // namespace

std::span<const std::string_view> reservedWords() { return kReserved; }
std::span<const WordDoc> decorators() { return kDecorators; }
const WordDoc* decoratorDoc(std::string_view name) { return find(kDecorators, name); }
std::span<const std::string_view> routeItemWords() { return kRouteItems; }
std::span<const std::string_view> httpMethods() { return kMethods; }

bool isKeyword(std::string_view word) {
  for (auto list : {reservedWords(), routeItemWords(), httpMethods()}) {
    if (std::find(list.begin(), list.end(), word) != list.end()) return true;
  }
  return false;
}

std::span<const WordDoc> builtins() { return kBuiltins; }
const WordDoc* builtinDoc(std::string_view name) { return find(kBuiltins, name); }
std::span<const WordDoc> primitiveTypes() { return kPrimitives; }
const WordDoc* primitiveTypeDoc(std::string_view name) { return find(kPrimitives, name); }
std::span<const WordDoc> functionMembers() { return kFunctionMembers; }
std::span<const WordDoc> apiMembers() { return kApiMembers; }
std::span<const WordDoc> resourceMembers() { return kResourceMembers; }

const BuiltinOptions* builtinOptions(std::string_view name) {
  for (const auto& options : kBuiltinOptions) {
    if (options.builtin == name) return &options;
  }
  return nullptr;
}

bool isIdentifier(std::string_view text) {
  if (text.empty()) return false;
  const auto isStart = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
  if (!isStart(text.front())) return false;
  return std::all_of(text.begin(), text.end(), [&](char c) { return isStart(c) || (c >= '0' && c <= '9'); });
}

}  // namespace jaws::lsp
