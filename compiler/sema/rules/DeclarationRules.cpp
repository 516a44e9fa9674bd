// Rules over the whole program and all its stacks: stack names (one per
// stage), resource type names, and export names, which CloudFormation keeps
// unique per account and region, across every stack of the project.
#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <tuple>

#include "cfnspec/ResourceSpec.h"
#include "diag/Builders.h"
#include "sema/Suggest.h"
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

namespace {

bool isStackNamePart(std::string_view text, bool first) {
  if (text.empty()) return !first;
  if (first && !std::isalpha(static_cast<unsigned char>(text.front()))) return false;
  for (unsigned char ch : text) {
    if (!std::isalnum(ch) && ch != '-') return false;
  }
  return true;
}

// `<project>-<stage>`: letters, digits and hyphens, starting with a letter, at
// most `stackNameLength` characters (CloudFormation API Reference, CreateStack).
void checkStackNames(const Program& program, const AwsTables& aws, Diagnostics& out) {
  if (program.project == nullptr || !program.project->name.valid()) return;
  const std::string& project = program.project->name.text;
  bool projectReported = false;
  for (const auto* stage : program.stages) {
    if (!stage->name.valid()) continue;
    const std::string stack = project + "-" + stage->name.text;
    if (!isStackNamePart(project, true)) {
      if (!projectReported) out.push_back(diag::InvalidStackName(program.project->name.span, stack).withHelp(note::StackNameCharacters()));
      projectReported = true;
      continue;
    }
    if (!isStackNamePart(stage->name.text, false)) {
      out.push_back(diag::InvalidStackName(stage->name.span, stack).withHelp(note::StackNameCharacters()));
    } else if (auto limit = aws.limit("stackNameLength"); limit && static_cast<std::int64_t>(stack.size()) > *limit) {
      out.push_back(diag::InvalidStackName(stage->name.span, stack).withHelp(note::StackNameLength(std::to_string(*limit))));
    }
  }
}

// `AWS::Service::Resource`, a registry type `Org::Service::Resource` (or a
// module, `...::MODULE`), or `Custom::Name` (CloudFormation User Guide,
// Resources section). SAM's types need a transform Jaws templates do not
// have; every other `AWS::` type must be in the resource specification.
void checkResourceTypes(const Program& program, Diagnostics& out) {
  std::vector<std::string> known;  // every type name, read only for a did-you-mean
  for (const auto* r : program.resources) {
    const std::string& type = r->resourceType;
    if (type.empty()) continue;
    if (type.starts_with("AWS::Serverless::")) {
      out.push_back(diag::ServerlessResourceType(r->resourceTypeSpan, type).withHelp(note::ServerlessAlternative()));
      continue;
    }
    // Compiled on the first resource, not on every check: a pattern costs more
    // to compile than a small project costs to check.
    static const std::regex kType("^([A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+(::MODULE)?|Custom::[A-Za-z0-9_@-]{1,60})$");
    if (!std::regex_match(type, kType)) {
      out.push_back(diag::InvalidResourceType(r->resourceTypeSpan, type));
      continue;
    }
    const cfnspec::ResourceSpec* spec = program.resourceSpec;
    if (spec == nullptr || !type.starts_with("AWS::") || type.ends_with("::MODULE") || spec->contains(type)) continue;
    if (known.empty()) {
      for (std::string_view name : spec->typeNames()) known.emplace_back(name);
    }
    Diagnostic d = diag::UnknownResourceType(r->resourceTypeSpan, type);
    if (auto best = closestMatch(type, known)) {
      const std::string quoted = "\"" + *best + "\"";
      d.withHelp(note::DidYouMean(quoted)).withFix(note::ReplaceWith(quoted), r->resourceTypeSpan, quoted);
    }
    out.push_back(std::move(d));
  }
}

Span exportSpan(const Program& program, const model::Output& output) {
  const Symbol* symbol = program.lookup(output.name);
  if (symbol == nullptr || symbol->decl == nullptr) return output.span;
  const ast::Decorator* d = findDecorator(symbol->decl->decorators, "export");
  if (d == nullptr) return output.span;
  return d->args.size() == 1 ? d->args.front()->span : d->span;
}

// Two stacks conflict when they share a region and may share an account: the
// same literal account, or a stage that does not say.
void checkExportNames(const Program& program, const std::vector<model::Stack>& stacks, Diagnostics& out) {
  struct Export {
    const model::Stack* stack;
    const model::Output* output;
  };
  std::map<std::pair<std::string, std::string>, std::vector<Export>> byRegionAndName;
  for (const auto& stack : stacks) {
    for (const auto& output : stack.outputs) {
      if (output.exportName) byRegionAndName[{stack.stage.region, *output.exportName}].push_back({&stack, &output});
    }
  }
  for (const auto& [key, exports] : byRegionAndName) {
    std::map<std::tuple<FileId, std::uint32_t, std::uint32_t>, std::vector<std::string>> clashes;  // by span
    for (std::size_t i = 0; i < exports.size(); ++i) {
      for (std::size_t j = 0; j < exports.size(); ++j) {
        if (i == j) continue;
        if (!mayShareAccount(*exports[i].stack, *exports[j].stack)) continue;
        const Span at = exportSpan(program, *exports[i].output);
        auto& stacksOf = clashes[{at.file, at.begin, at.end}];
        for (const auto* s : {exports[i].stack, exports[j].stack}) {
          if (std::find(stacksOf.begin(), stacksOf.end(), s->stackName) == stacksOf.end()) stacksOf.push_back(s->stackName);
        }
      }
    }
    for (const auto& [where, stackNames] : clashes) {
      std::string list;
      for (const auto& s : stackNames) list += (list.empty() ? "" : ", ") + s;
      const Span at{std::get<0>(where), std::get<1>(where), std::get<2>(where)};
      out.push_back(diag::DuplicateExportName(at, key.second, key.first).withHelp(note::ExportedBy(list)));
    }
  }
}

}  // namespace

void checkDeclarationRules(const Program& program, const std::vector<model::Stack>& stacks, Diagnostics& out) {
  // The stdlib tables do not depend on a stage; an evaluator without a target reads them.
  TypeResolver types(program);
  Diagnostics ignored;
  Evaluator evaluator(program, types, Target{}, ignored);
  const AwsTables aws(evaluator);
  checkStackNames(program, aws, out);
  checkResourceTypes(program, out);
  checkExportNames(program, stacks, out);
}

}  // namespace jaws::sema
