export interface GroupRef {
  id: string;
  name: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  active: boolean;
  groups: GroupRef[];
}

export interface Member {
  id: string;
  name: string;
  email: string;
}

export interface Group {
  id: string;
  name: string;
  systemKey: "administrators" | "itsm_agent" | null;
  permissions: string[];
  members: Member[];
}

export interface Permission {
  name: string;
  description: string;
  itsm: boolean;
}
