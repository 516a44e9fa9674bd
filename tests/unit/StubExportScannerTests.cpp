#include <catch2/catch.hpp>

#include "stubs/StubExportScanner.h"

using namespace jaws::stubs;
using Names = std::set<std::string>;

TEST_CASE("export scanner: ES modules", "[stubs]") {
  const ExportScan scan = scanNodeExports(R"JS(
    // export function commented() {}
    /* export const alsoCommented = 1; */
    const text = "export function inString() {}";
    export async function list(event) {}
    export function* gen() {}
    export const create = async () => {}, other = 2;
    export let a = 1;
    export class Thing {}
    export { get, helper as "delete", x as update };
    export * as ns from "./ns.mjs";
    export default function () {}
  )JS");
  CHECK(scan.names == Names{"list", "gen", "create", "a", "Thing", "get", "delete", "update", "ns", "default"});
  CHECK_FALSE(scan.open);
  CHECK(scanNodeExports("export * from './all.mjs';").open);
}

TEST_CASE("export scanner: CommonJS", "[stubs]") {
  ExportScan scan = scanNodeExports(R"JS(
    exports.list = async () => {};
    module.exports.create = create;
    exports["delete"] = remove;
    if (exports.x == 1) {}
  )JS");
  CHECK(scan.names == Names{"list", "create", "delete"});
  scan = scanNodeExports("module.exports = { list, create: make, async get() {}, 'x-y': 1, nested: { no: 1 } };");
  CHECK(scan.names == Names{"list", "create", "get", "x-y", "nested"});
  CHECK(scanNodeExports("module.exports = require('./impl');").open);
  CHECK(scanNodeExports("module.exports = { ...base, list };").open);
}

TEST_CASE("export scanner: Python", "[stubs]") {
  const ExportScan scan = scanPythonExports(R"PY(
import os
import json as j, a.b
from x import handler as create, other
from y import (
    first,
    second as renamed,
)
def list(event, context):
    def nested():
        pass
    inner = 1
async def get(event, context):
    pass
class Thing:
    attr = 1
CONSTANT: int = 3
a = b = 4
x == 5
globals()["pass"] = list
# def commented(): pass
)PY");
  CHECK(scan.names == Names{"os", "j", "a", "create", "other", "first", "renamed", "list", "get", "Thing", "CONSTANT",
                            "b", "pass"});
  CHECK_FALSE(scan.open);
  CHECK(scanPythonExports("from impl import *\n").open);
}
