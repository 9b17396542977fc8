import { operation } from "../operation";
import { GroupMembershipRequest, groupMembership } from "./group-membership";

export const AdminAddUserToGroup = operation(GroupMembershipRequest, (req, services) => {
  const { user } = groupMembership(services, req);
  services.store.groupMembers.add(req.UserPoolId, req.GroupName, user.sub);
  return {};
});
