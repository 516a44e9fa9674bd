#pragma once
// The language server predicts a stack's split on every edit (emit/
// TemplateReuse.h), and an edit mostly changes one declaration: its
// resources' sizes, or whether it is in the model at all (a function with an
// error is left out, and comes back once mended). The graph of the last
// prediction is then the graph of this one but for those resources, and is
// brought up to date here instead of being built again from every resource:
// looking resources up by logical ID is most of building a graph.
//
// It must be the graph buildResourceGraph would build: tests hold the two to
// the same predictions after random edits (tests/unit/TemplateReuseTests.cpp).
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

// Makes `kept` the graph of `cfnTemplate` under the same policy and with the
// same parameters as the template it was built from. Its resources were
// measured (`sizes`) and read (`readings`); those read again (`reread`) may
// have changed, and `before` holds what was read of the old template's
// resources that were not kept (and `keptOwners` the old owners). The
// resources not read again were kept: the same bodies, of the same owners.
// - When only sizes changed (the same resources, owners and readings), the
//   resources' and groups' bytes are set anew, and that is all.
// - Otherwise a resource is linked again (what it refers to, waits for and
//   follows) when it is new, when its reading changed, or when what it names
//   came, went or was read otherwise; the others keep their links,
//   renumbered; and the groups are formed anew from the links.
// Returns false, `kept` to be dropped, when the policy or the parameters
// differ, or the template's resources are not in logical-ID order.
bool refreshResourceGraph(KeptGraph& kept, const std::map<std::string, std::string>& keptOwners, const Json& cfnTemplate,
                          const std::map<std::string, std::string>& owners, const model::Splitting& policy,
                          const ResourceSizes& sizes, const ResourceReadings& readings,
                          const std::vector<std::string_view>& reread, const ResourceReadings& before);

}  // namespace jaws::emit::split
