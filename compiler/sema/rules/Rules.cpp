#include "sema/rules/Rules.h"

#include "sema/rules/RuleContext.h"

namespace jaws::sema {

void checkStackRules(const model::Stack& stack, Evaluator& evaluator, Diagnostics& out,
                     std::shared_ptr<const emit::split::SplitPrediction>* splitPrediction,
                     emit::TemplateReuse* templateReuse, SplitPredictionRequest* deferred, QuietFunctions* quiet) {
  const AwsTables aws(evaluator);
  const StackRuleContext context{stack, evaluator, evaluator.program(), aws, out, splitPrediction, templateReuse, deferred, quiet};
  checkFunctionRules(context);
  checkFunctionLimits(context);
  checkEnvironmentRules(context);
  checkSecureValueRules(context);
  checkApiRules(context);
  checkApiQuotaRules(context);
  checkHttpApiRules(context);
  checkFunctionUrlRules(context);
  checkTagRules(context);
  checkTemplateRules(context);
  checkEventRules(context);
  checkResourceOptionRules(context);
  checkFunctionOptionRules(context);
  checkStackLints(context);
  checkResourceRules(context);
  checkOutputRules(context);
}

void checkProgramRules(const Program& program, const std::vector<model::Stack>& stacks, const std::string& projectDir,
                       Diagnostics& out, stubs::ExportScanCache* handlerScans) {
  checkRouteRules(program, out);
  checkDeclarationRules(program, stacks, out);
  checkFunctionNames(stacks, out);
  checkProgramLints(program, stacks, out);
  checkProjectPaths(program, stacks, projectDir, out);
  checkHandlers(program, stacks, projectDir, out, handlerScans);
}

void keepWhatProgramRulesRead(model::Stack& stack) {
  // swap, not clear: the point is to give the memory back.
  std::vector<model::Api>().swap(stack.apis);
  std::vector<model::Resource>().swap(stack.resources);
  std::vector<model::NamedSchema>().swap(stack.types);
  for (model::Function& f : stack.functions) {
    decltype(f.environment)().swap(f.environment);
    decltype(f.permissions)().swap(f.permissions);
    decltype(f.tags)().swap(f.tags);
    decltype(f.layers)().swap(f.layers);
  }
}

}  // namespace jaws::sema
