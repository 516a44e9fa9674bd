#include "sema/rules/ScheduleExpression.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace jaws::sema {

namespace {

using Problem = ScheduleProblem;
using PK = ScheduleProblem::Kind;

std::vector<std::string_view> split(std::string_view text, char separator, bool skipEmpty) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    std::string_view part = text.substr(start, end - start);
    if (!part.empty() || !skipEmpty) parts.push_back(part);
    start = end + 1;
  }
  return parts;
}

std::optional<long> wholeNumber(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// One cron field: its range, its names (JAN..DEC, SUN..SAT) and wildcards.
struct CronField {
  const char* name;
  long min, max;
  const char* const* names;  // names[i] stands for min + i; null when none
  bool question, last, weekday, hash, step;
};

constexpr const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC", nullptr};
constexpr const char* kDays[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", nullptr};

constexpr std::array<CronField, 6> kFields = {{
    {"minutes", 0, 59, nullptr, false, false, false, false, true},
    {"hours", 0, 23, nullptr, false, false, false, false, true},
    {"day-of-month", 1, 31, nullptr, true, true, true, false, true},
    {"month", 1, 12, kMonths, false, false, false, false, true},
    {"day-of-week", 1, 7, kDays, true, true, false, true, false},
    {"year", 1970, 2199, nullptr, false, false, false, false, true},
}};

bool isValue(const CronField& field, std::string_view text) {
  if (auto n = wholeNumber(text)) return *n >= field.min && *n <= field.max;
  if (field.names == nullptr) return false;
  for (std::size_t i = 0; field.names[i] != nullptr; ++i) {
    const std::string_view name = field.names[i];
    if (name.size() == text.size() &&
        std::equal(name.begin(), name.end(), text.begin(), [](char a, char b) { return a == std::toupper(static_cast<unsigned char>(b)); })) {
      return true;
    }
  }
  return false;
}

bool isRangeOrValue(const CronField& field, std::string_view text) {
  if (text == "*") return true;
  const auto dash = text.find('-');
  if (dash == std::string_view::npos) return isValue(field, text);
  return isValue(field, text.substr(0, dash)) && isValue(field, text.substr(dash + 1));
}

bool isItem(const CronField& field, std::string_view item) {
  if (field.last && item == "L") return true;
  if (field.weekday && (item == "LW" || (item.size() > 1 && item.back() == 'W' && isValue(field, item.substr(0, item.size() - 1))))) {
    return true;
  }
  if (field.hash) {
    // `5L`: the last Thursday; `3#2`: the second Tuesday.
    if (item.size() > 1 && item.back() == 'L' && isValue(field, item.substr(0, item.size() - 1))) return true;
    if (const auto hash = item.find('#'); hash != std::string_view::npos) {
      const auto nth = wholeNumber(item.substr(hash + 1));
      return isValue(field, item.substr(0, hash)) && nth && *nth >= 1 && *nth <= 5;
    }
  }
  if (const auto slash = item.find('/'); slash != std::string_view::npos) {
    if (!field.step) return false;
    const auto step = wholeNumber(item.substr(slash + 1));
    return step && *step >= 1 && isRangeOrValue(field, item.substr(0, slash));
  }
  return isRangeOrValue(field, item);
}

std::optional<Problem> checkCron(std::string_view body) {
  const std::vector<std::string_view> fields = split(body, ' ', true);
  if (fields.size() != kFields.size()) return Problem{PK::CronFieldCount, std::to_string(fields.size()), ""};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const CronField& spec = kFields[i];
    const std::string_view text = fields[i];
    if (text == "?" && spec.question) continue;
    if (spec.hash && text.find('#') != std::string_view::npos && text.find(',') != std::string_view::npos) {
      return Problem{PK::CronHashList, std::string(text), spec.name};
    }
    for (std::string_view item : split(text, ',', false)) {
      if (!isItem(spec, item)) return Problem{PK::CronField, std::string(item.empty() ? text : item), spec.name};
    }
  }
  // Exactly one of day-of-month and day-of-week is `?`.
  if ((fields[2] == "?") == (fields[4] == "?")) return Problem{PK::CronQuestionMark, "", ""};
  return std::nullopt;
}

std::optional<Problem> checkRate(std::string_view body) {
  const std::vector<std::string_view> words = split(body, ' ', true);
  if (words.size() != 2) return Problem{PK::Form, "", ""};
  const auto value = wholeNumber(words[0]);
  if (!value || *value < 1) return Problem{PK::RateValue, std::string(words[0]), ""};
  const std::string_view unit = words[1];
  static constexpr std::pair<std::string_view, std::string_view> kUnits[] = {
      {"minute", "minutes"}, {"hour", "hours"}, {"day", "days"}};
  for (const auto& [singular, plural] : kUnits) {
    if (unit == singular && *value != 1) return Problem{PK::RatePlural, std::string(plural), ""};
    if (unit == plural && *value == 1) return Problem{PK::RateSingular, std::string(singular), ""};
    if (unit == singular || unit == plural) return std::nullopt;
  }
  return Problem{PK::RateUnit, std::string(unit), ""};
}

}  // namespace

std::optional<ScheduleProblem> checkScheduleExpression(std::string_view expression) {
  auto body = [&](std::string_view prefix) -> std::optional<std::string_view> {
    if (expression.size() < prefix.size() + 1 || expression.substr(0, prefix.size()) != prefix || expression.back() != ')') {
      return std::nullopt;
    }
    return expression.substr(prefix.size(), expression.size() - prefix.size() - 1);
  };
  if (auto rate = body("rate(")) return checkRate(*rate);
  if (auto cron = body("cron(")) return checkCron(*cron);
  return Problem{PK::Form, "", ""};
}

}  // namespace jaws::sema
