// Event patterns: a rule's pattern, the `filter` of an SQS or stream mapping
// and an SNS filter policy share EventBridge's syntax, where every leaf is a
// non-empty list of values or one-key matcher objects (JW4048). SNS adds its
// own limits on a policy's keys, combinations and size (JW4049).
#include <algorithm>

#include "diag/Builders.h"
#include "sema/rules/events/EventRules.h"

namespace jaws::sema::events {

namespace {

using K = model::Value::Kind;

struct Problem {
  NoteText help;
  Span at;
};

Span spanOfField(const model::Value& value, Span fallback) {
  if (value.origin.valid()) return value.origin;
  return value.keyOrigin.valid() ? Span{value.keyOrigin} : fallback;
}

std::string quotedList(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + ("`" + w + "`");
  return out;
}

bool isScalar(const model::Value& v) {
  switch (v.kind) {
    case K::String:
    case K::Int:
    case K::Number:
    case K::Bool:
    case K::Null:
    case K::Deploy:
    case K::Concat: return true;
    default: return false;
  }
}

class PatternChecker {
 public:
  explicit PatternChecker(const std::vector<std::string>& matchers) : matchers_(matchers) {}

  std::optional<Problem> object(const model::Value& pattern, Span at) const {
    if (pattern.fields.empty()) return Problem{note::PatternEmpty(), at};
    for (const auto& [key, value] : pattern.fields) {
      if (auto problem = field(key, value, spanOfField(value, at))) return problem;
    }
    return std::nullopt;
  }

 private:
  std::optional<Problem> field(const std::string& key, const model::Value& value, Span at) const {
    if (key == "$or") {
      if (value.kind != K::List || value.items.size() < 2) return Problem{note::PatternOrNeedsPatterns(), at};
      for (const auto& branch : value.items) {
        if (branch.kind != K::Object) return Problem{note::PatternOrNeedsPatterns(), spanOfField(branch, at)};
        if (auto problem = object(branch, spanOfField(branch, at))) return problem;
      }
      return std::nullopt;
    }
    if (value.kind == K::Object) {
      if (value.fields.empty()) return Problem{note::PatternEmptyObject(key), at};
      return object(value, at);
    }
    if (value.kind != K::List) return Problem{note::PatternLeafNotList(key), at};
    if (value.items.empty()) return Problem{note::PatternEmptyList(key), at};
    for (const auto& item : value.items) {
      const Span itemAt = spanOfField(item, at);
      if (isScalar(item)) continue;
      if (item.kind != K::Object) return Problem{note::PatternLeafNotList(key), itemAt};
      if (item.fields.size() != 1) return Problem{note::PatternMatcherOneKey(), itemAt};
      const std::string& matcher = item.fields.front().first;
      if (!matchers_.empty() && std::find(matchers_.begin(), matchers_.end(), matcher) == matchers_.end()) {
        const model::Value& inner = item.fields.front().second;
        return Problem{note::PatternUnknownMatcher(matcher, quotedList(matchers_)),
                       inner.keyOrigin.valid() ? inner.keyOrigin : itemAt};
      }
    }
    return std::nullopt;
  }

  const std::vector<std::string>& matchers_;
};

// The combinations of values SNS counts: the product of the lengths of the
// lists, the branches of `$or` added up. Saturates far above any limit.
std::int64_t combinations(const model::Value& policy) {
  constexpr std::int64_t kCap = 1'000'000'000;
  std::int64_t product = 1;
  for (const auto& [key, value] : policy.fields) {
    std::int64_t n = 1;
    if (key == "$or" && value.kind == K::List) {
      n = 0;
      for (const auto& branch : value.items) n = std::min(kCap, n + (branch.kind == K::Object ? combinations(branch) : 1));
    } else if (value.kind == K::List) {
      n = static_cast<std::int64_t>(std::max<std::size_t>(1, value.items.size()));
    } else if (value.kind == K::Object) {
      n = combinations(value);
    }
    product = std::min(kCap, product * n);
  }
  return product;
}

// The length of the policy's JSON text, as SNS receives it (compact); the
// text of deploy-time parts is unknown and counts as empty.
std::size_t jsonBytes(const model::Value& v) {
  switch (v.kind) {
    case K::String: return v.string.size() + 2;
    case K::Int: return std::to_string(v.integer).size();
    case K::Number: return model::describe(v).size();
    case K::Bool: return v.boolean ? 4 : 5;
    case K::Null: return 4;
    case K::List: {
      std::size_t n = 2 + (v.items.empty() ? 0 : v.items.size() - 1);
      for (const auto& item : v.items) n += jsonBytes(item);
      return n;
    }
    case K::Object: {
      std::size_t n = 2 + (v.fields.empty() ? 0 : v.fields.size() - 1);
      for (const auto& [key, value] : v.fields) n += key.size() + 3 + jsonBytes(value);
      return n;
    }
    default: return 2;
  }
}

}  // namespace

bool checkPattern(const EventCheck& check, const model::Value& pattern, std::string_view what) {
  if (pattern.kind != K::Object) return true;  // the type check reported it
  const Span at = spanOr(pattern.origin, check.event.span);
  if (auto problem = PatternChecker(check.tables.matchers()).object(pattern, at)) {
    check.c.out.push_back(diag::InvalidEventPattern(problem->at, what).withHelp(problem->help));
    return false;
  }
  return true;
}

void checkFilters(const EventCheck& check, const std::vector<model::Value>& filters) {
  if (auto limit = check.tables.limit("filters"); limit && static_cast<std::int64_t>(filters.size()) > *limit) {
    check.c.out.push_back(diag::TooManyEventFilters(check.optionSpan("filter"), std::to_string(filters.size()), std::to_string(*limit)));
  }
  for (const auto& filter : filters) checkPattern(check, filter, "the filter");
}

void checkSnsFilterLimits(const EventCheck& check, const model::Value& policy, bool onBody) {
  const Span at = spanOr(policy.origin, check.event.span);
  auto report = [&](NoteText help, Span where) {
    check.c.out.push_back(diag::SnsFilterPolicyTooComplex(where).withHelp(std::move(help)));
  };
  if (!onBody) {
    for (const auto& [key, value] : policy.fields) {
      if (key != "$or" && value.kind == K::Object) return report(note::SnsFilterNested(key), spanOfField(value, at));
    }
  }
  const auto keys = static_cast<std::int64_t>(policy.fields.size());
  if (auto limit = check.tables.limit("snsFilterKeys"); limit && keys > *limit) {
    return report(note::SnsFilterKeys(std::to_string(keys), std::to_string(*limit)), at);
  }
  const std::int64_t combos = combinations(policy);
  if (auto limit = check.tables.limit("snsFilterCombinations"); limit && combos > *limit) {
    return report(note::SnsFilterCombinations(std::to_string(combos), std::to_string(*limit)), at);
  }
  const auto bytes = static_cast<std::int64_t>(jsonBytes(policy));
  if (auto limit = check.tables.limit("snsFilterBytes"); limit && bytes > *limit) {
    return report(note::SnsFilterSize(std::to_string(bytes), std::to_string(*limit)), at);
  }
}

}  // namespace jaws::sema::events
