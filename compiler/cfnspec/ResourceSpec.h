#pragma once
// The CloudFormation resource specification the standard library carries
// (stdlib/resources.spec): an index of every type name, then one record per
// type. Nothing is parsed up front: a lookup binary-searches the sorted index
// in place and parses that type's record on first use, so a run pays only for
// the types its program declares.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "cfnspec/ResourceType.h"

namespace jaws::cfnspec {

class ResourceSpec {
 public:
  // `data` must outlive the spec (the embedded bytes, or `owned`).
  explicit ResourceSpec(std::string_view data);
  explicit ResourceSpec(std::string owned);
  ResourceSpec(const ResourceSpec&) = delete;
  ResourceSpec& operator=(const ResourceSpec&) = delete;

  // The copy built into the binary: one for the whole process (thread-safe:
  // lookups lock).
  static const ResourceSpec& shared();

  // False when the data is not a specification (a malformed file from --stdlib).
  bool valid() const { return recordsBegin_ != std::string_view::npos; }
  const std::string& source() const { return source_; }  // "cfn-lint 1.51.0"

  bool contains(std::string_view type) const { return recordOf(type).has_value(); }
  // The type's record, parsed once; null when the type is unknown or its
  // record is malformed.
  const ResourceType* find(std::string_view type) const;
  // Every type name, sorted (for completion and did-you-mean).
  std::vector<std::string_view> typeNames() const;

 private:
  struct Span {
    std::size_t offset, length;
  };
  void readHeader();
  std::optional<Span> recordOf(std::string_view type) const;

  std::string owned_;
  std::string_view data_;
  std::string source_;
  std::size_t indexBegin_ = 0, indexEnd_ = 0;
  std::size_t recordsBegin_ = std::string_view::npos;
  std::vector<std::string> regions_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::unique_ptr<ResourceType>, std::less<>> parsed_;
};

// Parses one record (`T name` up to the next record); null when malformed.
std::unique_ptr<ResourceType> parseRecord(std::string_view text, const std::vector<std::string>& regions);

}  // namespace jaws::cfnspec
