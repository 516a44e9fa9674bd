#pragma once
// The order a split must keep (docs/splitting.md). A reference the splitter
// writes out as text (a function's ARN in an API's body) no longer makes
// CloudFormation wait for the function, which now lives in a nested stack.
// The single template waited: whatever depended on the referring resource was
// created after the function. So each resource of the root template that
// depends on the referring one waits for that nested stack (DependsOn), unless
// the nested stack itself depends on it (a cycle), in which case the rule
// moves on to what depends on that resource. For an API: the RestApi cannot
// wait (its nested stacks read its ID), but its Deployment can, so the API's
// stage goes live only once every function it calls exists.
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace jaws::emit::split {

using Json = nlohmann::ordered_json;

// `orders`: (a resource of the root, a nested stack of the root) pairs: the
// resource referred to something of that nested stack as text.
void keepOrder(Json& root, const std::vector<std::pair<std::string, std::string>>& orders);

}  // namespace jaws::emit::split
