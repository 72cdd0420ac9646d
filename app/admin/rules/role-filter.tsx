'use client';

/** The filter box of a role choice (role-checklist.tsx, role-select.tsx): matches as role-choices.ts says. */
export function RoleFilter({ value, onChange, testId, className }: { value: string; onChange: (value: string) => void; testId: string; className?: string }) {
  return (
    <label className={className}>
      Find a role
      <input className="input" type="search" value={value} placeholder="account alias, id or role name" data-testid={testId} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
