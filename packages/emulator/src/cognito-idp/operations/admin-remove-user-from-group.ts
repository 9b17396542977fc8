import { operation } from "../operation";
import { GroupMembershipRequest, groupMembership } from "./group-membership";

export const AdminRemoveUserFromGroup = operation(GroupMembershipRequest, (req, services) => {
  const { user } = groupMembership(services, req);
  services.store.groupMembers.remove(req.UserPoolId, req.GroupName, user.sub);
  return {};
});
