// The resource options of design §15, per target: what `@dependsOn` names
// (JW2120, JW2121, cycles JW2122), the policies CloudFormation accepts
// (JW3046; Snapshot only on the types that have snapshots, JW4070), and the
// lint of a stateful resource in a protected stage without a deletion policy
// (JW5020); a name of `@dependsOn` whose `@when` is false here is JW2123. The policy names, the snapshot types and the stateful types are
// stdlib data (stdlib/resourceoptions.jaws).
#include <algorithm>
#include <map>

#include "diag/Builders.h"
#include "sema/rules/RuleContext.h"
#include "sema/Suggest.h"
#include "sema/TypeResolver.h"

namespace jaws::sema {

namespace {

bool listHas(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string joinedOr(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  }
  return out;
}

struct PolicyTables {
  std::vector<std::string> deletion, updateReplace, snapshotTypes, statefulTypes;
};

PolicyTables policyTables(Evaluator& evaluator) {
  PolicyTables tables;
  if (auto policies = evaluator.stdlibLet("resourcePolicies")) {
    if (const auto* v = policies->field("deletion")) tables.deletion = stringList(*v);
    if (const auto* v = policies->field("updateReplace")) tables.updateReplace = stringList(*v);
    if (const auto* v = policies->field("snapshotTypes")) tables.snapshotTypes = stringList(*v);
  }
  if (auto stateful = evaluator.stdlibLet("statefulResourceTypes")) tables.statefulTypes = stringList(*stateful);
  return tables;
}

void checkPolicy(const StackRuleContext& c, const model::Resource& resource, const std::string& policy, Span at,
                 std::string_view decorator, const std::vector<std::string>& allowed, const PolicyTables& tables) {
  if (policy.empty() || allowed.empty()) return;
  if (!listHas(allowed, policy)) {
    Diagnostic d = diag::InvalidResourcePolicy(at, policy, std::string(decorator), joinedOr(allowed));
    if (auto best = closestMatch(policy, allowed)) {
      d.withHelp(note::DidYouMean(*best)).withFix(note::ReplaceWith("\"" + *best + "\""), at, "\"" + *best + "\"");
    }
    c.out.push_back(std::move(d));
    return;
  }
  if (policy == "Snapshot" && !tables.snapshotTypes.empty() && !listHas(tables.snapshotTypes, resource.type)) {
    c.out.push_back(diag::SnapshotNotSupported(at, resource.type, std::string(decorator)));
  }
}

// JW2120 and JW2121: each name of `@dependsOn` is a resource, function or api
// other than the resource itself.
void checkDependencyNames(const StackRuleContext& c, const ast::Decl& decl) {
  for (const auto& d : decl.decorators) {
    if (d.name.text != "dependsOn") continue;
    for (const auto& arg : d.args) {
      const Symbol* symbol = c.program.binding(arg.get());
      if (symbol == nullptr) continue;  // JW2105
      if (symbol->decl == &decl) {
        c.out.push_back(diag::DependsOnItself(arg->span, decl.name.text));
      } else if (symbol->kind != SymbolKind::Resource && symbol->kind != SymbolKind::Function &&
                 symbol->kind != SymbolKind::Api) {
        Diagnostic diagnostic = diag::DependsOnNotDeployable(arg->span, symbol->name, symbolKindName(symbol->kind));
        if (symbol->decl != nullptr) diagnostic.note(symbol->decl->name.span, note::DeclaredHere());
        c.out.push_back(std::move(diagnostic));
      } else {
        c.evaluator.present(*symbol, arg->span);  // JW2123 when its `@when` is false here
      }
    }
  }
}

// JW2122: a cycle of resources waiting for each other, reported once, at the
// name that closes it.
void checkDependencyCycles(const StackRuleContext& c) {
  std::map<std::string, const model::Resource*> byName;
  for (const auto& r : c.stack.resources) byName[r.name] = &r;
  enum class Mark : std::uint8_t { None, Visiting, Done };
  std::map<std::string, Mark> marks;
  std::vector<std::string> path;
  auto visit = [&](auto& self, const model::Resource& r) -> void {
    marks[r.name] = Mark::Visiting;
    path.push_back(r.name);
    for (const auto& dep : r.dependsOn) {
      if (dep.kind != model::Dependency::Kind::Resource) continue;
      auto next = byName.find(dep.name);
      if (next == byName.end()) continue;
      const Mark mark = marks[dep.name];
      if (mark == Mark::Visiting) {
        std::string cycle;
        for (auto it = std::find(path.begin(), path.end(), dep.name); it != path.end(); ++it) cycle += "`" + *it + "` -> ";
        c.out.push_back(diag::DependencyCycle(dep.span, cycle + "`" + dep.name + "`"));
      } else if (mark == Mark::None) {
        self(self, *next->second);
      }
    }
    path.pop_back();
    marks[r.name] = Mark::Done;
  };
  for (const auto& r : c.stack.resources) {
    if (marks[r.name] == Mark::None) visit(visit, r);
  }
}

}  // namespace

void checkResourceOptionRules(const StackRuleContext& c) {
  const PolicyTables tables = policyTables(c.evaluator);
  for (const auto& resource : c.stack.resources) {
    if (const ast::BlockDecl* decl = blockDecl(c.program, resource.name, SymbolKind::Resource)) checkDependencyNames(c, *decl);
    // @retain writes names the table holds; only explicit policies can be wrong.
    checkPolicy(c, resource, resource.deletionPolicy, resource.deletionPolicySpan, "deletionPolicy", tables.deletion, tables);
    checkPolicy(c, resource, resource.updateReplacePolicy, resource.updateReplacePolicySpan, "updateReplacePolicy",
                tables.updateReplace, tables);
    if (c.stack.stage.protect && resource.deletionPolicy.empty() && listHas(tables.statefulTypes, resource.type)) {
      c.out.push_back(diag::StatefulResourceUnprotected(resource.span, resource.name, resource.type, c.stack.stage.name)
                          .withHelp(note::AddRetain()));
    }
  }
  checkDependencyCycles(c);
}

}  // namespace jaws::sema
