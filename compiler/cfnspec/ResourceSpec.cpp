#include "cfnspec/ResourceSpec.h"

#include <charconv>

#include "stdlib/EmbeddedStdlib.h"

namespace jaws::cfnspec {

namespace {

std::string_view lineAt(std::string_view data, std::size_t at, std::size_t* next) {
  const std::size_t end = data.find('\n', at);
  const std::size_t stop = end == std::string_view::npos ? data.size() : end;
  *next = end == std::string_view::npos ? data.size() : end + 1;
  return data.substr(at, stop - at);
}

std::optional<std::size_t> number(std::string_view text) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

ResourceSpec::ResourceSpec(std::string_view data) : data_(data) { readHeader(); }

ResourceSpec::ResourceSpec(std::string owned) : owned_(std::move(owned)), data_(owned_) { readHeader(); }

const ResourceSpec& ResourceSpec::shared() {
  static const ResourceSpec spec(embeddedResourceSpec());
  return spec;
}

// Comment lines, `V source`, `G regions...`, `I count`, then the index lines;
// records start after the last index line.
void ResourceSpec::readHeader() {
  std::size_t at = 0;
  while (at < data_.size()) {
    std::size_t next = 0;
    const std::string_view line = lineAt(data_, at, &next);
    if (line.starts_with("V ")) {
      source_ = std::string(line.substr(2));
    } else if (line.starts_with("G ")) {
      std::string_view rest = line.substr(2);
      while (!rest.empty()) {
        const std::size_t space = rest.find(' ');
        regions_.emplace_back(rest.substr(0, space));
        rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
      }
    } else if (line.starts_with("I ")) {
      const auto count = number(line.substr(2));
      if (!count) return;
      indexBegin_ = next;
      std::size_t end = next;
      for (std::size_t i = 0; i < *count; ++i) {
        if (end >= data_.size()) return;
        lineAt(data_, end, &end);
      }
      indexEnd_ = end;
      recordsBegin_ = end;
      return;
    } else if (!line.starts_with("#") && !line.empty()) {
      return;
    }
    at = next;
  }
}

// Binary search over the sorted index lines in place: jump to the middle
// byte, move to the start of its line, compare the name.
std::optional<ResourceSpec::Span> ResourceSpec::recordOf(std::string_view type) const {
  if (!valid() || type.empty()) return std::nullopt;
  std::size_t low = indexBegin_, high = indexEnd_;  // line starts within [low, high)
  while (low < high) {
    std::size_t mid = low + (high - low) / 2;
    while (mid > low && data_[mid - 1] != '\n') --mid;
    std::size_t next = 0;
    const std::string_view line = lineAt(data_, mid, &next);
    const std::size_t space = line.find(' ');
    const std::string_view name = line.substr(0, space);
    if (name == type) {
      const std::string_view rest = space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
      const std::size_t second = rest.find(' ');
      if (second == std::string_view::npos) return std::nullopt;
      const auto offset = number(rest.substr(0, second));
      const auto length = number(rest.substr(second + 1));
      if (!offset || !length || recordsBegin_ + *offset + *length > data_.size()) return std::nullopt;
      return Span{recordsBegin_ + *offset, *length};
    }
    if (name < type) {
      low = next;
    } else {
      high = mid;
    }
  }
  return std::nullopt;
}

const ResourceType* ResourceSpec::find(std::string_view type) const {
  std::lock_guard lock(mutex_);
  if (auto it = parsed_.find(type); it != parsed_.end()) return it->second.get();
  std::unique_ptr<ResourceType> record;
  if (auto span = recordOf(type)) {
    record = parseRecord(data_.substr(span->offset, span->length), regions_);
    if (record && record->name != type) record.reset();
  }
  const ResourceType* result = record.get();
  parsed_.emplace(std::string(type), std::move(record));
  return result;
}

std::vector<std::string_view> ResourceSpec::typeNames() const {
  std::vector<std::string_view> names;
  std::size_t at = indexBegin_;
  while (valid() && at < indexEnd_) {
    const std::string_view line = lineAt(data_, at, &at);
    names.push_back(line.substr(0, line.find(' ')));
  }
  return names;
}

}  // namespace jaws::cfnspec
