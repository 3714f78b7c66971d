import { describe, expect, it } from "vitest";
import { readProse } from "../../src/sources/model/prose.ts";

describe("facts a Chinese, Japanese or Korean description states", () => {
  it.each([
    ["结果保存天数。默认 `7`。", ["integer"], { default: 7 }],
    ["每页条数，默认值为 20，最大值 100", ["integer"], { default: 20, maximum: 100 }],
    ["取值范围 `1-100`", ["integer"], { minimum: 1, maximum: 100 }],
    ["温度，范围：0~2", ["number"], { minimum: 0, maximum: 2 }],
    ["最小 `0`，上限 `500`", ["number"], { minimum: 0, maximum: 500 }],
    ["标签，最大长度 64", ["string"], { maxLength: 64 }],
    ["名称，长度 1-40", ["string"], { minLength: 1, maxLength: 40 }],
    ["`crisp`（默认）保留结构", ["string"], { default: "crisp" }],
    ["是否流式返回，默认为 `false`", ["boolean"], { default: false }],
    ["件数。デフォルト: 10", ["integer"], { default: 10 }],
    ["페이지 크기. 기본값: 50", ["integer"], { default: 50 }],
    ["图片列表，最多 4 个", ["array"], { maxItems: 4 }],
    ["模式，可选值：`fast`、`slow` 或 `auto`", ["string"], { enum: ["fast", "slow", "auto"] }],
  ])("%s", (text, types, expected) => {
    expect(readProse(text, types)).toEqual(expected);
  });

  it("reads the values a list under the words gives", () => {
    const text = "返回内容的语言，支持以下值：\n- `zh` - 中文\n- `en` - 英文\n\n默认返回英文";
    expect(readProse(text, ["string"])).toEqual({ enum: ["zh", "en"] });
  });

  it("says nothing where the words give no value it can be sure of", () => {
    // The default in words, not a value; a length is no bound of a number; one value is no list.
    expect(readProse("默认返回英文", ["string"])).toEqual({});
    expect(readProse("最大长度 64", ["integer"])).toEqual({});
    expect(readProse("可选值：`fast`", ["string"])).toEqual({});
    // A value list with a sentence between its values stops where the sentence starts.
    expect(readProse("取值：`a`、`b`，其中 `c` 已废弃", ["string"])).toEqual({ enum: ["a", "b"] });
    // A range the wrong way round, and a decimal for an integer.
    expect(readProse("取值范围 100-1", ["integer"])).toEqual({});
    expect(readProse("默认 `0.5`", ["integer"])).toEqual({});
    // `1:1` is a ratio, not the number 1.
    expect(readProse("宽高比，默认值: 1:1", ["string"])).toEqual({});
    // English text is the English reader's alone.
    expect(readProse("Defaults to 5.", ["integer"])).toEqual({ default: 5 });
  });
});
