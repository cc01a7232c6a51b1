package com.fortinet.marketplace.accounts;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

public interface AccountRepository extends JpaRepository<Account, Long> {

    @Query("""
            select a from Account a
            where (:q = '' or lower(a.name) like lower(concat('%', :q, '%')) or str(a.id) = :q)
              and (:type is null or a.type = :type)
            """)
    Page<Account> search(@Param("q") String query, @Param("type") AccountType type, Pageable pageable);

    List<Account> findByIdInOrderByName(Collection<Long> ids);

    List<Account> findByTypeOrderByName(AccountType type);

    List<Account> findAllByOrderByName();
}
