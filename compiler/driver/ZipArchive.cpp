#include "driver/ZipArchive.h"

#include <minizip/zip.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

namespace jaws {

namespace {

// minizip's file functions over a string: the archive is written, and its
// local headers rewritten in place once each entry's sizes are known.
struct MemoryFile {
  std::string* bytes;
  std::size_t at = 0;
};

voidpf openMemory(voidpf opaque, const void*, int) { return opaque; }

uLong readMemory(voidpf, voidpf stream, void* buffer, uLong size) {
  auto& file = *static_cast<MemoryFile*>(stream);
  const std::size_t count = file.at >= file.bytes->size() ? 0 : std::min<std::size_t>(size, file.bytes->size() - file.at);
  std::memcpy(buffer, file.bytes->data() + file.at, count);
  file.at += count;
  return static_cast<uLong>(count);
}

uLong writeMemory(voidpf, voidpf stream, const void* buffer, uLong size) {
  auto& file = *static_cast<MemoryFile*>(stream);
  if (file.at + size > file.bytes->size()) file.bytes->resize(file.at + size);
  std::memcpy(file.bytes->data() + file.at, buffer, size);
  file.at += size;
  return size;
}

ZPOS64_T tellMemory(voidpf, voidpf stream) { return static_cast<MemoryFile*>(stream)->at; }

long seekMemory(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto& file = *static_cast<MemoryFile*>(stream);
  const std::size_t base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? file.at : file.bytes->size();
  if (offset > file.bytes->size() - base) return -1;  // `at` never passes the end: neither does `base`
  file.at = base + static_cast<std::size_t>(offset);
  return 0;
}

int closeMemory(voidpf, voidpf) { return 0; }
int memoryError(voidpf, voidpf) { return 0; }

// Level 9, raw deflate, zlib's largest memory level: what libzip used.
bool deflateRaw(const std::string& in, std::string& out) {
  z_stream stream{};
  if (deflateInit2(&stream, 9, Z_DEFLATED, -MAX_WBITS, MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY) != Z_OK) return false;
  out.resize(deflateBound(&stream, static_cast<uLong>(in.size())));
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  stream.avail_in = static_cast<uInt>(in.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return result == Z_STREAM_END;
}

bool ascii(const std::string& name) {
  return std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

bool writeZip(const std::vector<PackagedFile>& files, std::string& zip, std::string& whyNot) {
  zip.clear();
  MemoryFile memory{&zip};
  zlib_filefunc64_def functions{openMemory, readMemory, writeMemory, tellMemory, seekMemory, closeMemory, memoryError, &memory};
  zipFile archive = zipOpen2_64("", APPEND_STATUS_CREATE, nullptr, &functions);
  if (archive == nullptr) {
    whyNot = "cannot start a zip archive";
    return false;
  }
  constexpr uLong kMadeByUnix = (3 << 8) | 63;  // Unix, zip 6.3
  constexpr uLong kUtf8Name = 1 << 11;           // general purpose bit 11
  std::string deflated;
  for (const PackagedFile& file : files) {
    if (file.bytes.size() >= std::numeric_limits<std::uint32_t>::max()) {
      zipClose(archive, nullptr);
      whyNot = file.name + " is 4 GiB or more";
      return false;
    }
    zip_fileinfo info{};
    info.dosDate = ((1u << 5) | 1u) << 16;  // 1980-01-01 00:00: (0 << 9) | (1 << 5) | 1, time 0
    info.external_fa = static_cast<uLong>(file.executable ? 0100755 : 0100644) << 16;
    if (!deflateRaw(file.bytes, deflated)) {
      zipClose(archive, nullptr);
      whyNot = "zlib could not compress " + file.name;
      return false;
    }
    const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(file.bytes.data()), static_cast<uInt>(file.bytes.size()));
    const bool ok =
        zipOpenNewFileInZip4_64(archive, file.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9, /*raw=*/1,
                                -MAX_WBITS, MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY, nullptr, 0, kMadeByUnix,
                                ascii(file.name) ? 0 : kUtf8Name, /*zip64=*/0) == ZIP_OK &&
        zipWriteInFileInZip(archive, deflated.data(), static_cast<unsigned>(deflated.size())) == ZIP_OK &&
        zipCloseFileInZipRaw64(archive, file.bytes.size(), crc) == ZIP_OK;
    if (!ok) {
      zipClose(archive, nullptr);
      whyNot = "minizip could not add " + file.name;
      return false;
    }
  }
  if (zipClose(archive, nullptr) != ZIP_OK) {
    whyNot = "minizip could not finish the archive";
    return false;
  }
  return true;
}

}  // namespace jaws
