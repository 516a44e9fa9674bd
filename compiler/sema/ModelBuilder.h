#pragma once
// Builds the model of one target (stage, region): evaluates every block of the
// program against its stdlib schema, applies defaults that follow the project,
// and fills the plain structs of compiler/model/ that the emitters read.
// Everything is evaluated, used or not, so every problem of every target is
// found.
#include "model/Model.h"
#include "sema/Evaluator.h"
#include "sema/ModelReuse.h"
#include "sema/SchemaBuilder.h"

namespace jaws::sema {

class ModelBuilder {
 public:
  // `reuse`: the language server's, to take function and route models from
  // the check before and keep them for the next (sema/ModelReuse.h).
  explicit ModelBuilder(Evaluator& evaluator, ModelReuse reuse = {})
      : evaluator_(evaluator), schemas_(evaluator), reuse_(std::move(reuse)) {}

  model::Stack build(const std::string& projectDir);
  // The functions whose model build() took from the check before.
  std::unordered_set<std::string> takeTakenFunctions() { return std::move(reuse_.taken()); }
  // The APIs all of whose routes build() took from the check before, by
  // name, with their place in that check's stack.
  std::map<std::string, std::size_t> takeTakenApis() { return std::move(reuse_.takenApis()); }

 private:
  void buildProject(model::Stack& stack);
  void buildStage(model::Stack& stack);
  void buildFunction(const ast::FunctionDecl& decl, model::Stack& stack);
  void evaluateFunction(const ast::FunctionDecl& decl, model::Stack& stack);
  void buildApi(const ast::ApiDecl& decl, model::Stack& stack);
  // Whether the route sets no `auth` of its own (its model has the API's).
  bool buildRoute(const ast::Route& route, const model::Api& api, std::vector<model::Route>& routes);
  model::Auth authOf(const model::Value& value);
  void buildResource(const ast::ResourceDecl& decl, model::Stack& stack);
  void buildOutput(const ast::OutputDecl& decl, model::Stack& stack);
  void evaluateUnusedDeclarations();
  std::map<std::string, std::string> stringMap(const model::Value* value);

  Evaluator& evaluator_;
  SchemaBuilder schemas_;
  ModelReuse reuse_;
  model::Value stageValue_;
};

// The resource options of a `resource` declaration (@retain, @deletionPolicy,
// @updateReplacePolicy, @dependsOn), the policies evaluated for this target;
// ResourceOptionRules checks them.
void readResourceOptions(const ast::ResourceDecl& decl, Evaluator& evaluator, model::Resource& resource);

// The options of design §14 (name, tracing, vpc, storage, deadLetter, async,
// role) from a function's evaluated block; FunctionOptionRules checks them.
void readFunctionOptions(const model::Value& block, model::Function& function);

// Evaluates the `regions` of a stage (a stage's list of targets).
std::vector<std::string> stageRegions(const ast::StageDecl& stage, const Program& program, TypeResolver& types,
                                      Diagnostics& out);

}  // namespace jaws::sema
