#pragma once
// How much of CloudFormation's per-template quota a template uses: at most 500
// resources, and at most 1 MB of template body (uploaded through S3; cfn-lint
// counts 1,000,000 bytes, and so do we). The checker turns an excess into a
// JW4 diagnostic naming these counts.
#include <cstddef>

#include <nlohmann/json.hpp>

namespace jaws::emit {

inline constexpr std::size_t kMaxTemplateResources = 500;
inline constexpr std::size_t kMaxTemplateBytes = 1'000'000;

struct TemplateBudget {
  std::size_t resources = 0;
  std::size_t bytes = 0;  // of the serialized form the build writes (serializeJson)
  bool tooManyResources() const { return resources > kMaxTemplateResources; }
  bool tooLarge() const { return bytes > kMaxTemplateBytes; }
};

TemplateBudget measureTemplate(const nlohmann::ordered_json& cfnTemplate);

}  // namespace jaws::emit
