// driver/ZipArchive: a code package's zip. Its bytes name the package (the S3
// key is their hash), so they are pinned to those libzip wrote for the same
// entries before minizip replaced it; and the archive is read back: every
// entry's header fields, and its content inflated again by zlib.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "driver/ZipArchive.h"
#include "emit/StableHash.h"

using namespace jaws;

namespace zip_archive_tests {

std::uint32_t little(const std::string& bytes, std::size_t at, int size) {
  std::uint32_t value = 0;
  for (int i = size - 1; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes.at(at + static_cast<std::size_t>(i)));
  return value;
}

// The entries of a project's `src` folder as collectPackageContents lists
// them (sorted): text, a pseudo-random binary, a non-ASCII name, an empty
// file, an executable, and a text large enough that zlib's memory level
// changes the deflated bytes.
std::vector<PackagedFile> sampleEntries() {
  std::string blob;
  std::uint32_t x = 1;
  for (int i = 0; i < 3000; ++i) {
    x = (x * 1103515245u + 12345u) & 0x7fffffffu;
    blob.push_back(static_cast<char>((x >> 16) & 0xff));
  }
  std::string large;
  for (int i = 0; i < 5000; ++i) large += "line " + std::to_string(i) + " of the handler library, value " + std::to_string(i * 7 % 1000) + "\n";
  return {
      {"src/a.mjs", "export const main = async () => ({ statusCode: 200 });\n", false},
      {"src/blob.bin", blob, false},
      {"src/caf\xc3\xa9.txt", "caf\xc3\xa9\n", false},
      {"src/empty.txt", "", false},
      {"src/run.sh", "#!/bin/sh\necho ok\n", true},
      {"src/sub/large.txt", large, false},
  };
}

}  // namespace zip_archive_tests

using namespace zip_archive_tests;

TEST_CASE("a code package's zip has the bytes libzip wrote for the same entries", "[driver][package]") {
  std::string zip, whyNot;
  REQUIRE(writeZip(sampleEntries(), zip, whyNot));
  // The key `jaws build` gave this folder with libzip 1.9.2 (session 17's binary).
  CHECK(emit::stableHashHex(zip, 16) == "2f5a38c8e88e8c59");
  std::string again;
  REQUIRE(writeZip(sampleEntries(), again, whyNot));
  CHECK(again == zip);
}

TEST_CASE("a code package's zip reads back: headers, modes, dates and contents", "[driver][package]") {
  const auto entries = sampleEntries();
  std::string zip, whyNot;
  REQUIRE(writeZip(entries, zip, whyNot));
  // The end of central directory record: no comment, so the last 22 bytes.
  REQUIRE(zip.size() > 22);
  const std::size_t end = zip.size() - 22;
  REQUIRE(little(zip, end, 4) == 0x06054b50);
  REQUIRE(little(zip, end + 10, 2) == entries.size());
  std::size_t at = little(zip, end + 16, 4);
  for (const PackagedFile& entry : entries) {
    INFO(entry.name);
    REQUIRE(little(zip, at, 4) == 0x02014b50);
    CHECK(little(zip, at + 4, 2) == ((3u << 8) | 63u));  // made by Unix, 6.3
    CHECK(little(zip, at + 8, 2) == (entry.name == "src/caf\xc3\xa9.txt" ? 0x802u : 0x2u));  // UTF-8 name; level 9
    CHECK(little(zip, at + 10, 2) == 8);                                                    // deflated
    CHECK(little(zip, at + 12, 4) == (0x21u << 16));                                        // 1980-01-01 00:00
    CHECK(little(zip, at + 30, 2) == 0);                                                    // no extra field
    CHECK(little(zip, at + 36, 2) == 0);                                                    // not marked as text
    CHECK(little(zip, at + 38, 4) == ((entry.executable ? 0100755u : 0100644u) << 16));
    const std::size_t nameLength = little(zip, at + 28, 2);
    CHECK(zip.substr(at + 46, nameLength) == entry.name);
    const std::uint32_t compressed = little(zip, at + 20, 4), size = little(zip, at + 24, 4);
    CHECK(size == entry.bytes.size());
    // The local header, then the deflated content.
    const std::size_t local = little(zip, at + 42, 4);
    REQUIRE(little(zip, local, 4) == 0x04034b50);
    const std::size_t data = local + 30 + little(zip, local + 26, 2) + little(zip, local + 28, 2);
    std::string inflated(size, '\0');
    z_stream stream{};
    REQUIRE(inflateInit2(&stream, -MAX_WBITS) == Z_OK);
    stream.next_in = reinterpret_cast<Bytef*>(zip.data() + data);
    stream.avail_in = compressed;
    stream.next_out = reinterpret_cast<Bytef*>(inflated.data());
    stream.avail_out = size;
    CHECK(inflate(&stream, Z_FINISH) == Z_STREAM_END);
    inflateEnd(&stream);
    CHECK(inflated == entry.bytes);
    CHECK(little(zip, at + 16, 4) == crc32(0, reinterpret_cast<const Bytef*>(entry.bytes.data()), static_cast<uInt>(entry.bytes.size())));
    at += 46 + nameLength + little(zip, at + 30, 2) + little(zip, at + 32, 2);
  }
}
