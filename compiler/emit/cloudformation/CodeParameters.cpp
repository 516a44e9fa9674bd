#include "emit/cloudformation/CodeParameters.h"

#include <set>

#include "model/LogicalIds.h"

namespace jaws::emit {

nlohmann::ordered_json codeBucketParameter() {
  return nlohmann::ordered_json{{"Type", "String"},
                                {"Description", "S3 bucket holding the code packages (build/artifacts/*.zip)"}};
}

std::vector<CodeParameter> codeParameters(const model::Stack& stack, const std::map<std::string, std::string>& codeKeys) {
  std::set<std::string> sources;
  for (const auto& fn : stack.functions) sources.insert(fn.source);
  std::vector<CodeParameter> out;
  std::set<std::string> used;
  for (const auto& source : sources) {
    const std::string base = std::string("CodeKey") + (sources.size() == 1 ? "" : model::pascalCase(source));
    std::string name = base;
    for (int n = 2; used.count(name) != 0; ++n) name = base + std::to_string(n);
    used.insert(name);
    CodeParameter parameter{name, source, std::nullopt};
    if (auto found = codeKeys.find(source); found != codeKeys.end()) parameter.key = found->second;
    out.push_back(std::move(parameter));
  }
  return out;
}

}  // namespace jaws::emit
