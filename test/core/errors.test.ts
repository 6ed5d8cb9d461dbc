/**
 * describeValue: how a seen value reads in an InputError message ("...; got <value>"). Expected
 * strings follow SPEC.md's example (`got 20`) and the README's Errors table.
 */
import { describeValue, InputError } from "../../src/core/errors";

describe("describeValue", () => {
  test("numbers as typed, text quoted, empty as (empty), booleans as Excel shows them, ranges by size", () => {
    expect(describeValue(20)).toBe("20");
    expect(describeValue("abc")).toBe('"abc"');
    expect(describeValue(null)).toBe("(empty)");
    expect(describeValue("")).toBe("(empty)");
    expect(describeValue(true)).toBe("TRUE");
    expect(describeValue([[1], [2]])).toBe("a 2-row range");
  });

  test("an Excel error value (an object whose `code` or `errorCode` is a string starting with #) reads as its code", () => {
    // Review finding: a #N/A cell inside a range read "got object". Excel's CustomFunctions.Error
    // carries its code as `code` ("#N/A", "#DIV/0!"...); `errorCode` is accepted too.
    expect(describeValue({ code: "#N/A", message: "no data" })).toBe("#N/A");
    expect(describeValue({ errorCode: "#DIV/0!" })).toBe("#DIV/0!");
    expect(new InputError("prices", "must be a number at row 2", { code: "#REF!" }).message).toBe("prices must be a number at row 2; got #REF!");
  });

  test("other objects are not mistaken for Excel errors", () => {
    expect(describeValue({ code: "ENOENT" })).toBe("object");
    expect(describeValue({ code: 404 })).toBe("object");
    expect(describeValue({})).toBe("object");
  });
});
