#include "local/FunctionSpec.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "local/RuntimeClients.h"

namespace jaws::local {

namespace {

std::string_view clientScript(std::string_view name) {
  for (const EmbeddedFile& file : embeddedRuntimeClients()) {
    if (file.name == name) return file.text;
  }
  return {};
}

// Settings of the developer's machine a handler needs to reach AWS with the
// developer's own credentials (locally there is no execution role).
bool passedThrough(std::string_view name) {
  static constexpr std::string_view kNames[] = {"PATH", "HOME", "AWS_PROFILE", "AWS_ACCESS_KEY_ID",
                                                "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE",
                                                "AWS_SHARED_CREDENTIALS_FILE", "AWS_CA_BUNDLE"};
  if (std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames)) return true;
  return name.rfind("AWS_ENDPOINT_URL", 0) == 0;
}

}  // namespace

FunctionSpec functionSpec(const model::Stack& stack, const model::Function& function, const std::string& account,
                          const ResolvedEnvironment& variables, const std::vector<std::string>& parentEnvironment) {
  namespace fs = std::filesystem;
  FunctionSpec spec;
  spec.name = function.name;
  spec.functionName = function.functionName;
  spec.region = stack.stage.region;
  spec.arn = "arn:aws:lambda:" + spec.region + ":" + account + ":function:" + function.functionName;
  spec.runtime = function.runtime;
  spec.handler = function.handlerModule + "." + function.handlerExport;
  spec.taskRoot = (fs::path(stack.projectDir) / (function.source.empty() ? "." : function.source)).lexically_normal().string();
  if (spec.taskRoot.size() > 1 && spec.taskRoot.back() == '/') spec.taskRoot.pop_back();
  spec.memoryMb = function.memoryMb;
  spec.timeoutSeconds = function.timeoutSeconds;
  switch (function.runtimeFamily) {
    case model::RuntimeFamily::Node:
      spec.program = "node";
      spec.arguments = {"--input-type=module", "-e", std::string(clientScript("node_client.mjs"))};
      break;
    case model::RuntimeFamily::Python:
      spec.program = "python3";
      spec.arguments = {"-u", "-c", std::string(clientScript("python_client.py"))};
      break;
    case model::RuntimeFamily::Other:
      spec.unsupported = "the runtime " + function.runtime +
                         " does not run locally; jaws serve and jaws invoke run Node.js handlers with `node` and "
                         "Python handlers with `python3`";
      break;
  }

  std::map<std::string, std::string> env;
  for (const std::string& entry : parentEnvironment) {
    const auto equals = entry.find('=');
    if (equals != std::string::npos && passedThrough(std::string_view(entry).substr(0, equals))) {
      env[entry.substr(0, equals)] = entry.substr(equals + 1);
    }
  }
  if (!env.count("PATH")) env["PATH"] = "/usr/local/bin:/usr/bin:/bin";
  // What Lambda sets (AWS Lambda Developer Guide, Defined runtime environment variables).
  env["AWS_REGION"] = spec.region;
  env["AWS_DEFAULT_REGION"] = spec.region;
  env["AWS_EXECUTION_ENV"] = "AWS_Lambda_" + function.runtime;
  env["AWS_LAMBDA_FUNCTION_NAME"] = function.functionName;
  env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = std::to_string(function.memoryMb);
  env["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
  env["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
  env["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + function.functionName;
  env["AWS_LAMBDA_LOG_STREAM_NAME"] = "local/[$LATEST]jaws";
  env["LAMBDA_TASK_ROOT"] = spec.taskRoot;
  env["LAMBDA_RUNTIME_DIR"] = spec.taskRoot;
  env["_HANDLER"] = spec.handler;
  env["TZ"] = ":UTC";
  env["LANG"] = "en_US.UTF-8";
  for (const auto& [name, value] : variables) env[name] = value;
  for (const auto& [name, value] : env) spec.environment.push_back(name + "=" + value);
  return spec;
}

}  // namespace jaws::local
