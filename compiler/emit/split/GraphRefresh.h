#pragma once
// The language server predicts a stack's split on every edit (emit/
// TemplateReuse.h), and an edit mostly changes one declaration: its
// resources' sizes, or whether it is in the model at all (a function with an
// error is left out, and comes back once mended). The graph of the last
// prediction is then the graph of this one but for those resources, and is
// brought up to date here instead of being built again from every resource.
//
// Only what is sure to give the graph buildResourceGraph would build is done
// here; anything else is left to it. A test holds the two to the same
// predictions after random edits (tests/unit/TemplateReuseTests.cpp).
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "emit/split/ResourceGroups.h"
#include "model/Splitting.h"

namespace jaws::emit::split {

// The graph a prediction planned with, kept for the next prediction of the
// same stack, and the policy it was built under.
struct KeptGraph {
  ResourceGraph graph;
  model::Splitting policy;
};

// Makes `kept` the graph of `cfnTemplate`, whose resources were measured
// (`sizes`) and read (`readings`), when it differs from the template the
// graph was built from (whose owners were `keptOwners`) only in:
// - the sizes of resources read again (`reread`) as they were read before
//   (`before`: the readings of the old template's resources that were not
//   kept), with the same parameters, owners and policy;
// - whole groups gone that nothing referred to, waited for or followed, and
//   not merged by a cycle;
// - resources added of one new owner, that no other resource names, and that
//   follow no other (affinity): a group of their own that nothing refers to.
// Returns false, `kept` to be dropped, when anything else may differ.
bool refreshResourceGraph(KeptGraph& kept, const std::map<std::string, std::string>& keptOwners, const Json& cfnTemplate,
                          const std::map<std::string, std::string>& owners, const model::Splitting& policy,
                          const ResourceSizes& sizes, const ResourceReadings& readings,
                          const std::vector<std::string_view>& reread, const ResourceReadings& before);

}  // namespace jaws::emit::split
