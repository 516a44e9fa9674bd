#pragma once
// Writes the templates of a split stack from its plan (SplitPlanner.h): the
// root template, which keeps the stack's parameters and outputs and holds one
// AWS::CloudFormation::Stack per nested stack, and the nested templates.
//
// A reference between two templates becomes, in this order of preference:
// - the computed text of the attribute (a function's ARN), tying nothing;
// - in a nested template, a parameter (named after what it refers to:
//   `TodoApiRestApi`, `Fn1FunctionArn`) that the root passes: a value of the
//   root as Ref / Fn::GetAtt, a value of another nested stack as that stack's
//   output (`Fn::GetAtt [Part1, Outputs.X]`);
// - in the root's outputs, the nested stack's output.
// A DependsOn on a resource of another template becomes a DependsOn of the
// nested stack on that resource or stack. Never an export.
#include <functional>
#include <string>
#include <vector>

#include "emit/split/SplitPlanner.h"

namespace jaws::emit::split {

struct WrittenNested {
  std::string name;  // logical ID of its AWS::CloudFormation::Stack in the root
  Json document;
  std::string key;   // the S3 key its TemplateURL names
};

struct WrittenSplit {
  Json root;
  std::vector<WrittenNested> nested;  // by name
};

// `keyOf` names the S3 key of a nested template from its document (a
// content hash, so that a changed template gets a new TemplateURL and
// CloudFormation updates the nested stack).
WrittenSplit writeSplit(const Json& cfnTemplate, const SplitPlan& plan, const model::Splitting& policy,
                        const std::function<std::string(const Json&)>& keyOf);

// The TemplateURL of a nested template uploaded to CodeBucket under `key`.
Json templateUrl(const std::string& key);

}  // namespace jaws::emit::split
