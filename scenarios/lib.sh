# Shared by the scenario scripts: print each command as a person could type it, then run it.
# Its output (the zaak or aanbesteding) is not shown here; the main job prints the results at the end.
zs() {
  local arg line='$ zaakstroom'
  for arg in "$@"; do
    if [[ "$arg" =~ [[:space:]\'\;\&] ]]; then line+=" \"${arg//\"/\\\"}\""; else line+=" $arg"; fi
  done
  echo "$line"
  zaakstroom "$@" > /dev/null
}
