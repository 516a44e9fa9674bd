#include "stdlib/StdlibBundle.h"

namespace jaws {

namespace {

constexpr std::string_view kMagic = "JAWSSTDL";

void putInteger(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>(value >> (8 * i)));
}

void putBytes(std::string& out, std::string_view bytes) {
  putInteger(out, bytes.size(), 4);
  out += bytes;
}

class BundleReader {
 public:
  explicit BundleReader(std::string_view bytes) : bytes_(bytes) {}
  bool ok() const { return ok_; }
  bool atEnd() const { return at_ == bytes_.size(); }

  std::uint64_t integer(int bytes) {
    if (bytes_.size() - at_ < static_cast<std::size_t>(bytes)) return ok_ = false, 0;
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i) value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes_[at_++])) << (8 * i);
    return value;
  }
  std::string_view take(std::size_t n) {
    if (bytes_.size() - at_ < n) return ok_ = false, std::string_view();
    const std::string_view part = bytes_.substr(at_, n);
    at_ += n;
    return part;
  }
  std::string_view sized() { return take(static_cast<std::size_t>(integer(4))); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace

std::uint64_t stdlibTextHash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string encodeStdlibBundle(const std::vector<StdlibBundleEntry>& entries) {
  std::string out(kMagic);
  putInteger(out, kStdlibBundleVersion, 4);
  putInteger(out, entries.size(), 4);
  for (const StdlibBundleEntry& entry : entries) {
    putBytes(out, entry.name);
    putInteger(out, entry.textSize, 8);
    putInteger(out, entry.textHash, 8);
    putBytes(out, entry.tree);
  }
  return out;
}

std::optional<std::vector<StdlibBundleEntry>> decodeStdlibBundle(std::string_view bytes) {
  BundleReader in(bytes);
  if (in.take(kMagic.size()) != kMagic || in.integer(4) != kStdlibBundleVersion) return std::nullopt;
  const std::uint64_t count = in.integer(4);
  std::vector<StdlibBundleEntry> entries;
  for (std::uint64_t i = 0; i < count && in.ok(); ++i) {
    StdlibBundleEntry entry;
    entry.name = in.sized();
    entry.textSize = in.integer(8);
    entry.textHash = in.integer(8);
    entry.tree = in.sized();
    entries.push_back(entry);
  }
  if (!in.ok() || !in.atEnd()) return std::nullopt;
  return entries;
}

}  // namespace jaws
