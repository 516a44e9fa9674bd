#include "emit/cloudformation/TemplateBudget.h"

#include "emit/cloudformation/CloudFormationEmitter.h"

namespace jaws::emit {

TemplateBudget measureTemplate(const nlohmann::ordered_json& cfnTemplate) {
  TemplateBudget budget;
  if (cfnTemplate.contains("Resources")) budget.resources = cfnTemplate["Resources"].size();
  budget.bytes = serializeJson(cfnTemplate).size();
  return budget;
}

}  // namespace jaws::emit
