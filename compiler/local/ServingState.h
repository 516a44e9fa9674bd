#pragma once
// One good version of the project as `jaws serve` serves it: the evaluated
// stack of the chosen stage and region, each API with its route table and
// validator, and a warm host per function. A reload builds a new state and
// swaps it in; requests in flight finish on the state they started with.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "local/FunctionHost.h"
#include "local/RequestValidation.h"
#include "local/RouteTable.h"
#include "model/Model.h"

namespace jaws::local {

struct ServedApi {
  const model::Api* api = nullptr;
  std::string mount;  // "" when the project has one API, else "/<api name>"
  std::unique_ptr<RouteTable> routes;
  std::unique_ptr<RequestValidator> validator;
};

struct ServingState {
  std::unique_ptr<model::Stack> stack;  // owned: the APIs and routes below point into it
  std::vector<ServedApi> apis;
  std::map<std::string, std::shared_ptr<FunctionHost>, std::less<>> hosts;  // by declaration name
  std::string account;

  FunctionHost* host(std::string_view function) const {
    auto found = hosts.find(function);
    return found == hosts.end() ? nullptr : found->second.get();
  }
};

// Where each API is served: at the root when there is one, else under its name.
std::string mountOf(const model::Stack& stack, const model::Api& api);

}  // namespace jaws::local
