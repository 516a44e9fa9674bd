#pragma once
// Internal to the CloudFormation emitter: what the options of design §14 add
// to a function's resources (FunctionOptionResources.cpp).
#include <map>
#include <vector>

#include "emit/JsonObjects.h"
#include "emit/cloudformation/TemplateResources.h"

namespace jaws::emit {

// TracingConfig, VpcConfig, EphemeralStorage, DeadLetterConfig and a given Role.
void addFunctionOptionProperties(const model::Stack& stack, const model::Function& fn, JsonMembers& properties);
// The role statements the options need: X-Ray, the VPC network interfaces,
// sending to the dead-letter target and the async destinations.
std::vector<Json> functionOptionStatements(const model::Stack& stack, const model::Function& fn);
// `async`: the function's AWS::Lambda::EventInvokeConfig.
void addAsyncInvokeConfig(const model::Stack& stack, const model::Function& fn, ResourceMap& resources);

}  // namespace jaws::emit
