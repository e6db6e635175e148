// Temporary passwords an administrator hands to a student (on screen once, or on a login slip):
// three short everyday words and two digits, e.g. "Maple-Otter-Cloud-47". Easy for a 7-year-old
// to type from paper, and still about 2^30 guesses, for a password that must be changed at the
// next sign-in. Every one meets the school's policy for its owner: a candidate that contains a
// part of the owner's name, their login ID or the school's words is drawn again.
import { randomInt } from "node:crypto";
import { findContextWord } from "./context-words";
import { meetsPolicy, type PasswordContext } from "./policy";

/** 256 everyday words of 3 to 8 letters, all different. */
export const TEMPORARY_WORDS: readonly string[] = [
  "acorn amber anchor apple apron arrow aspen atlas bagel bamboo banjo barley basil beach beacon",
  "berry bison blanket bloom breeze brick bridge brook bucket bunny butter cabin cactus camel",
  "candle canoe canyon carrot castle cedar cherry chess cider cliff clock cloud clover cobalt cocoa",
  "comet coral cotton crane crayon creek cricket crown cubby daisy delta desert dingo dolphin donut",
  "dragon dream drum eagle echo ember falcon fern fiddle finch flame flute forest fossil fox frost",
  "galaxy garden gecko ginger glacier globe grape gravel guitar hammer harbor hazel hedge heron",
  "hippo honey hoop igloo island ivory jacket jelly jigsaw jungle kayak kettle kitten koala ladder",
  "lagoon lantern lemon lilac lily llama lotus magnet mango maple marble meadow melon meteor mint",
  "mitten monkey moose mosaic muffin nectar noodle nutmeg oasis ocean olive onion orbit orchid",
  "otter owl paddle panda papaya parrot peach pebble pepper piano pickle pillow pine planet plum",
  "pocket pony poppy prism puffin pumpkin puzzle quail quartz quill rabbit radar raisin raven reef",
  "ribbon river robin rocket saddle salmon sandal shell silver sketch sled snail sparrow spider",
  "spoon spruce squid star stone storm sugar summit sunset swan tablet teapot thistle thunder tiger",
  "timber toast tomato topaz torch tulip tunnel turtle umber valley velvet violet volcano waffle",
  "walnut walrus wave whale wheat willow window winter wizard wombat yacht yarrow yogurt zebra",
  "zephyr zinnia badger beetle biscuit blossom bramble canary cashew chalk cobble condor cookie",
  "copper dune feather fig fjord gadget goose granite hamster harp iris jasper juniper kiwi lark",
  "lobster mammoth marsh mulberry narwhal nugget oyster pansy",
]
  .join(" ")
  .split(" ");

const capitalise = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** A random integer in [0, max): crypto in the app, a seeded one in tests. */
export type RandomInt = (max: number) => number;

export function candidateTemporaryPassword(random: RandomInt = randomInt): string {
  const words = Array.from({ length: 3 }, () => capitalise(TEMPORARY_WORDS[random(TEMPORARY_WORDS.length)]!));
  const digits = String(random(90) + 10);
  return [...words, digits].join("-");
}

/** A temporary password that meets the policy for this owner and avoids the school's words. */
export function temporaryPasswordFor(
  owner: PasswordContext & { schoolName: string | null },
  random: RandomInt = randomInt,
): string {
  for (;;) {
    const password = candidateTemporaryPassword(random);
    if (meetsPolicy(password, owner) && !findContextWord(password, owner.schoolName)) return password;
  }
}
