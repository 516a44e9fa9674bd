#pragma once
// What it takes to run one function locally, resolved from the model: the
// command of its runtime, its environment (the function's `env` for the
// chosen stage and region, plus what Lambda sets), its folder and limits.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/Model.h"

namespace jaws::local {

struct FunctionSpec {
  std::string name;          // the declaration name: listTodos
  std::string functionName;  // the deployed name: todo-dev-listTodos
  std::string arn;           // arn:aws:lambda:<region>:<account>:function:<functionName>
  std::string runtime;       // "nodejs22.x"
  std::string handler;       // relative to taskRoot: "src/todos.list"
  std::string taskRoot;      // absolute: the function's source folder
  std::string region;
  std::int64_t memoryMb = 128;
  std::int64_t timeoutSeconds = 3;
  // The program and arguments of the runtime client; empty when the runtime
  // cannot run locally (then `unsupported` says why).
  std::string program;
  std::vector<std::string> arguments;
  std::string unsupported;
  // The whole environment of the process, "NAME=value", sorted by name.
  std::vector<std::string> environment;

  friend bool operator==(const FunctionSpec&, const FunctionSpec&) = default;
};

// The environment values of a function, resolved: name and text. Values that
// are known only when CloudFormation deploys come from the local values file.
using ResolvedEnvironment = std::vector<std::pair<std::string, std::string>>;

// `variables` are the function's own (already resolved); the rest is what
// Lambda sets, plus the caller's PATH, HOME and AWS credentials settings
// (AWS_PROFILE, AWS_ACCESS_KEY_ID, ...) taken from `parentEnvironment`.
FunctionSpec functionSpec(const model::Stack& stack, const model::Function& function, const std::string& account,
                          const ResolvedEnvironment& variables, const std::vector<std::string>& parentEnvironment);

// The account number local ARNs carry when the stage sets none.
inline constexpr const char* kLocalAccount = "000000000000";

}  // namespace jaws::local
