#include "lsp/TargetValues.h"

#include <algorithm>

namespace jaws::lsp {

namespace {

// Values longer than this are cut, so a hover stays readable.
constexpr std::size_t kMaxValueText = 300;

std::string shorten(std::string text) {
  if (text.size() > kMaxValueText) text = text.substr(0, kMaxValueText) + " …";
  return text;
}

// Backticks inside inline code would end it early.
std::string inlineCode(const std::string& text) {
  const bool tick = text.find('`') != std::string::npos;
  return tick ? "`` " + text + " ``" : "`" + text + "`";
}

}  // namespace

std::vector<ValueGroup> valuesPerTarget(const sema::Analysis& analysis, const Evaluate& evaluate,
                                        const std::optional<std::string>& stage) {
  std::vector<ValueGroup> groups;
  if (!analysis.program) return groups;
  sema::TypeResolver types(*analysis.program);
  for (const sema::Target& target : analysis.targets) {
    if (stage && target.stage != *stage) continue;
    Diagnostics scratch;
    sema::Evaluator evaluator(*analysis.program, types, target, scratch);
    const sema::MaybeValue value = evaluate(evaluator);
    std::string text = value ? shorten(model::describe(*value)) : "(not known: it has an error)";
    auto group = std::find_if(groups.begin(), groups.end(), [&](const ValueGroup& g) { return g.value == text; });
    if (group == groups.end()) group = groups.insert(groups.end(), ValueGroup{std::move(text), {}});
    group->targets.push_back(target.label());
  }
  return groups;
}

std::string renderValueGroups(const std::vector<ValueGroup>& groups, std::size_t allTargets) {
  const auto join = [](const std::vector<std::string>& targets) {
    std::string out;
    for (std::size_t i = 0; i < targets.size(); ++i) out += (i ? ", " : "") + targets[i];
    return out;
  };
  if (groups.empty()) return "";
  if (groups.size() == 1) {
    const ValueGroup& only = groups.front();
    const std::string where = only.targets.size() == allTargets && allTargets > 1 ? "every stage" : join(only.targets);
    return "Value in " + where + ": " + inlineCode(only.value) + "\n";
  }
  std::string out = "Value per stage:\n";
  for (const ValueGroup& group : groups) out += "- " + join(group.targets) + ": " + inlineCode(group.value) + "\n";
  return out;
}

}  // namespace jaws::lsp
