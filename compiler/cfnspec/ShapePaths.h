#pragma once
// Walking a resource type's shapes by the keys written in a `resource` block,
// for the editor: the property or key at the cursor (hover), the keys an
// object may take (completion), and the type's page in the AWS documentation.
#include <string>
#include <string_view>
#include <vector>

#include "cfnspec/ResourceType.h"

namespace jaws::cfnspec {

// The object shape a value of `shape` is written as: through definitions,
// the items of lists and maps, and the first object member of a union. Null
// when the value is no object.
const Shape* objectShape(const ResourceType& type, ShapeId shape);

// The field `path` names, from the Properties block down (`["KeySchema",
// "KeyType"]`: list items are transparent); null when it names none.
const Field* fieldAtPath(const ResourceType& type, const std::vector<std::string>& path);

// The object whose keys are written at `path` (empty: the Properties block).
const Shape* objectAtPath(const ResourceType& type, const std::vector<std::string>& path);

// The type's page of the CloudFormation template reference
// (`AWS::SQS::Queue`: .../aws-resource-sqs-queue.html); empty for other prefixes.
std::string documentationUrl(std::string_view typeName);

}  // namespace jaws::cfnspec
