#include "cli/ValuesReport.h"

#include <fmt/format.h>

namespace jaws::cli {

namespace {

void row(std::string& out, std::string_view key, const std::string& value) {
  out += fmt::format("    {:<20} = {}\n", key, value);
}

std::string list(const std::vector<model::Value>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + model::describe(values[i]);
  return out + "]";
}

}  // namespace

std::string renderValuesReport(const std::vector<model::Stack>& stacks) {
  std::string out;
  for (const auto& stack : stacks) {
    out += fmt::format("{} ({}): stack {}\n", stack.stage.name, stack.stage.region, stack.stackName);
    for (const auto& f : stack.functions) {
      out += fmt::format("  function {}\n", f.name);
      row(out, "functionName", "\"" + f.functionName + "\"");
      row(out, "handler", "\"" + f.handler + "\"");
      row(out, "runtime", "\"" + f.runtime + "\"");
      row(out, "architecture", "\"" + f.architecture + "\"");
      row(out, "memory", fmt::format("{}MB", f.memoryMb));
      row(out, "timeout", fmt::format("{}s", f.timeoutSeconds));
      row(out, "source", "\"" + f.source + "\"");
      if (!f.description.empty()) row(out, "description", "\"" + f.description + "\"");
      for (const auto& [name, value] : f.environment) row(out, "env." + name, model::describe(value));
      for (const auto& p : f.permissions) {
        std::string actions;
        for (std::size_t i = 0; i < p.actions.size(); ++i) actions += (i ? ", \"" : "\"") + p.actions[i] + "\"";
        row(out, "permission", fmt::format("allow([{}], {})", actions, list(p.resources)));
      }
      if (f.reservedConcurrency) row(out, "reservedConcurrency", std::to_string(*f.reservedConcurrency));
      if (f.logRetentionDays) row(out, "logRetention", std::to_string(*f.logRetentionDays));
      for (const auto& s : f.schedules) row(out, "schedule", "\"" + s.expression + "\"");
      if (!f.layers.empty()) row(out, "layers", list(f.layers));
      if (f.url) {
        row(out, "url", fmt::format("{{ auth = \"{}\", cors = {}, stream = {} }}", f.url->iam ? "iam" : "none",
                                    f.url->cors.enabled ? "true" : "false", f.url->stream ? "true" : "false"));
      }
      for (const auto& [k, v] : f.tags) row(out, "tags." + k, "\"" + v + "\"");
    }
  }
  return out;
}

}  // namespace jaws::cli
