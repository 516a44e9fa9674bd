#pragma once
// Attributes a template can write without referring to the resource
// (stdlib `stackSplitting.computed`): a Lambda function's ARN from its literal
// FunctionName. A reference to one from another template becomes this text,
// so it needs no parameter or output and ties no stack to another.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/Splitting.h"

namespace jaws::emit::split {

using Json = nlohmann::ordered_json;

// The Fn::Sub text of `attribute` ("Ref" for what Ref returns) of `resource`
// (its whole template entry), or nothing when no rule covers it or a
// property the rule needs is not a literal string.
std::optional<std::string> computedAttribute(const std::vector<model::ComputedAttribute>& rules, const Json& resource,
                                             const std::string& attribute);

// Whether computedAttribute has a text for it, without writing the text.
bool hasComputedAttribute(const std::vector<model::ComputedAttribute>& rules, const Json& resource,
                          const std::string& attribute);

// Every attribute of `resource` that hasComputedAttribute holds for ("Ref"
// for what Ref returns), each once, in the rules' order: read once with the
// resource, since a template refers to the same few attributes many times.
std::vector<std::string> computedAttributes(const std::vector<model::ComputedAttribute>& rules, const Json& resource);

}  // namespace jaws::emit::split
