import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GroupMembersRepo } from "./group-members";
import { type TempDb, tempDb } from "./temp-db";

describe("GroupMembersRepo", () => {
  let t: TempDb;
  let members: GroupMembersRepo;
  beforeEach(() => {
    t = tempDb();
    members = new GroupMembersRepo(t.db);
  });
  afterEach(() => t.dispose());

  it("lists a user's groups and a group's members sorted, a repeated add counting once", () => {
    members.add("p", "writers", "s2");
    members.add("p", "admins", "s2");
    members.add("p", "admins", "s1");
    members.add("p", "admins", "s1");
    members.add("other", "admins", "s3");
    expect(members.groupsOf("p", "s2")).toEqual(["admins", "writers"]);
    expect(members.membersOf("p", "admins")).toEqual(["s1", "s2"]);
    members.remove("p", "admins", "s2");
    expect(members.groupsOf("p", "s2")).toEqual(["writers"]);
  });

  it("drops a deleted group's memberships, a deleted user's, and a deleted pool's", () => {
    for (const [group, sub] of [
      ["a", "s1"],
      ["a", "s2"],
      ["b", "s1"],
      ["b", "s2"],
    ] as const)
      members.add("p", group, sub);
    members.add("q", "a", "s1");
    members.deleteGroup("p", "a");
    expect(members.membersOf("p", "a")).toEqual([]);
    expect(members.membersOf("p", "b")).toEqual(["s1", "s2"]);
    members.deleteUser("p", "s1");
    expect(members.membersOf("p", "b")).toEqual(["s2"]);
    expect(members.groupsOf("q", "s1")).toEqual(["a"]);
    members.deletePool("p");
    expect(members.membersOf("p", "b")).toEqual([]);
    expect(members.membersOf("q", "a")).toEqual(["s1"]);
  });
});
